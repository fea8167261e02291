#include "layout/lenet/feature_stacks.hpp"

#include <algorithm>
#include <cmath>

#include "strata/error.hpp"

namespace strata::layout {
namespace {

// visualkeras' face fill, #d9d9d9, when neither color_map nor styles give one.
constexpr Rgba kFaceFill{217, 217, 217, 255};

bool contains(const auto& list, const auto& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// Python's int(max(low, min(high, round(value)))): halves round to even.
double clamped_round(double value, double low, double high) {
    return std::trunc(std::max(low, std::min(high, std::nearbyint(value))));
}

void size_stack(FeatureStack& s, const Options& o) {
    const SizeLimits& l = s.style.limits;
    double w = clamped_round(static_cast<double>(s.shape.w) * l.scale_xy, l.min_xy, l.max_xy);
    double h = clamped_round(static_cast<double>(s.shape.h) * l.scale_xy, l.min_xy, l.max_xy);
    if (!s.shape.spatial && l.max_xy > 0) {
        // A vector is a small square (max_xy // 2 at most).
        const double half = std::floor(l.max_xy / 2);
        w = std::max(l.min_xy, std::min(std::min(w, half), l.max_xy));
        h = std::max(l.min_xy, std::min(std::min(h, half), l.max_xy));
    }
    s.width = w;
    s.height = h;
    const double channels = static_cast<double>(std::max<std::int64_t>(1, s.shape.c));
    const double most = std::max(1.0, std::trunc(o.max_visual_channels));
    s.visible = static_cast<int>(std::min(channels, most));
    s.map_spacing = std::trunc(o.map_spacing);
}

}  // namespace

std::vector<FeatureStack> feature_stacks(const Model& model, const Options& o) {
    std::vector<FeatureStack> stacks;
    std::size_t model_index = 0;  // among the layers Keras lists, as index_ignore counts
    for (std::size_t li = 0; li < model.layers.size(); ++li) {
        const Layer& layer = model.layers[li];
        if (layer.implicit) continue;
        const std::size_t k = model_index++;
        if (contains(o.type_ignore, layer.type) || contains(o.index_ignore, k)) continue;
        FeatureStack s;
        s.layer = li;
        s.shape = render_shape(layer, !o.compat_visualkeras);
        s.style = resolve_style(layer, o);
        s.fill = s.style.fill.value_or(kFaceFill);
        size_stack(s, o);
        stacks.push_back(std::move(s));
    }
    if (stacks.empty())
        throw Error("", "no layer left to draw (all were ignored by type_ignore or index_ignore)");
    double tallest = 0;
    for (const FeatureStack& s : stacks)
        tallest = std::max(tallest, std::ceil(s.height + s.offset()));
    double cursor = o.padding;
    for (FeatureStack& s : stacks) {
        s.x = cursor + s.offset();
        s.y = o.padding + (tallest - (s.height + s.offset())) / 2 + s.offset();
        cursor += s.width + s.offset() + o.layer_spacing;
    }
    return stacks;
}

}  // namespace strata::layout
