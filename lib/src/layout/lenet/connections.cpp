#include "layout/lenet/connections.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include "layout/lenet/python_random.hpp"

namespace strata::layout {
namespace {

// The window of a convolution or pooling (rows, columns), as visualkeras reads kernel_size,
// else pool_size: one number is square, a list of one is one row.
std::optional<std::pair<double, double>> window(const Layer& layer) {
    for (const char* key : {"kernel_size", "pool_size"}) {
        auto it = layer.attrs.find(key);
        if (it == layer.attrs.end()) continue;
        if (const auto* n = std::get_if<std::int64_t>(&it->second))
            return std::pair{static_cast<double>(*n), static_cast<double>(*n)};
        if (const auto* list = std::get_if<std::vector<std::int64_t>>(&it->second)) {
            if (list->size() >= 2)
                return std::pair{static_cast<double>((*list)[0]), static_cast<double>((*list)[1])};
            if (list->size() == 1) return std::pair{1.0, static_cast<double>((*list)[0])};
        }
        return std::pair{1.0, 1.0};
    }
    return std::nullopt;
}

PatchRatio seeded_ratio(const Options& o, const char* side, std::size_t index,
                        const std::string& name, double x_lo, double x_hi) {
    PythonRandom rng(stable_seed(o.seed, {side, std::to_string(index), name}));
    return sample_patch_ratio(rng, x_lo, x_hi);
}

// The patch on the source face: the window's share of the source's size, at least 4 px and
// at most 60 % of the face.
Rect source_patch(const FeatureStack& src, std::pair<double, double> kernel, PatchRatio ratio,
                  double patch_scale) {
    const double w_dim = static_cast<double>(std::max<std::int64_t>(1, src.shape.w));
    const double h_dim = static_cast<double>(std::max<std::int64_t>(1, src.shape.h));
    double w = std::max(4.0, std::trunc(src.width * (kernel.second / w_dim) * patch_scale));
    double h = std::max(4.0, std::trunc(src.height * (kernel.first / h_dim) * patch_scale));
    w = std::min(w, std::trunc(src.width * 0.6));
    h = std::min(h, std::trunc(src.height * 0.6));
    return place_patch(src.front(), w, h, ratio);
}

}  // namespace

std::vector<Connection> connections(const Model& model, const std::vector<FeatureStack>& stacks,
                                    const Options& o) {
    std::vector<Connection> result;
    if (!o.draw_connections || stacks.size() < 2) return result;
    const auto name = [&](std::size_t i) -> const std::string& {
        return model.layers[stacks[i].layer].name;
    };
    for (std::size_t i = 0; i + 1 < stacks.size(); ++i) {
        const FeatureStack& src = stacks[i];
        const FeatureStack& dst = stacks[i + 1];
        Connection c;
        c.from = i;
        c.to = i + 1;
        const auto kernel = window(model.layers[dst.layer]);
        if (src.shape.spatial && dst.shape.spatial && kernel) {
            c.kind = ConnectionKind::receptive_field;
            c.source_patch = source_patch(
                src, *kernel, seeded_ratio(o, "out", i, name(i), 0.56, 0.94), o.patch_scale);
            const double side = std::max(3.0, std::trunc(std::min(dst.width, dst.height) * 0.22));
            c.target_patch = place_patch(dst.front(), side, side,
                                         seeded_ratio(o, "in", i + 1, name(i + 1), 0.06, 0.44));
        } else if (src.shape.spatial && !dst.shape.spatial) {
            c.kind = ConnectionKind::funnel;
        }
        result.push_back(c);
    }
    // A face with a patch coming in and one going out keeps them in order and apart.
    for (std::size_t j = 1; j + 1 < stacks.size(); ++j) {
        Connection& left = result[j - 1];
        Connection& right = result[j];
        if (left.kind != ConnectionKind::receptive_field ||
            right.kind != ConnectionKind::receptive_field)
            continue;
        PythonRandom rng(stable_seed(o.seed, {"sep", std::to_string(j), name(j)}));
        const PatchPair pair =
            separate_patches(stacks[j].front(), left.target_patch, right.source_patch, rng);
        left.target_patch = pair.incoming;
        right.source_patch = pair.outgoing;
    }
    return result;
}

}  // namespace strata::layout
