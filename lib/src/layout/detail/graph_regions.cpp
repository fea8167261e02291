#include "layout/detail/graph_regions.hpp"

#include "layout/layered/channels_last.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace strata::layout::detail {

std::vector<std::vector<std::size_t>> single_entry_regions(const Model& model) {
    const std::size_t n = model.layers.size();
    std::vector<std::vector<std::size_t>> regions;
    if (n < 3) return regions;
    // The gap after position g is crossed by every tensor made at or before g and used after
    // it. Count those producers per gap: +1 at a producer, -1 at its last use.
    std::vector<std::size_t> last_use(n, 0);
    bool has_last_use = false;
    std::vector<bool> uses(n, false);
    for (std::size_t l = 0; l < n; ++l) {
        for (const TensorRef& in : model.layers[l].inputs) {
            if (in.layer >= l) return regions;  // not in topological order
            last_use[in.layer] = std::max(last_use[in.layer], l);
            uses[in.layer] = true;
            has_last_use = true;
        }
    }
    if (!has_last_use) return regions;
    std::vector<long> change(n + 1, 0);
    for (std::size_t p = 0; p < n; ++p) {
        if (!uses[p]) continue;
        ++change[p];
        --change[last_use[p]];
    }
    // A region runs between gaps that one tensor (or none) crosses.
    const std::size_t most = std::max<std::size_t>(2, n / 3);
    long crossing = 0;
    std::size_t start = 0;
    for (std::size_t g = 0; g < n; ++g) {
        crossing += change[g];
        if (crossing > 1 && g + 1 < n) continue;
        std::vector<std::size_t> region;
        bool merges = false;
        for (std::size_t l = start; l <= g; ++l) {
            if (model.layers[l].implicit) continue;
            region.push_back(l);
            merges = merges || model.layers[l].inputs.size() >= 2;
        }
        if (merges && region.size() >= 2 && region.size() <= most)
            regions.push_back(std::move(region));
        start = g + 1;
    }
    return regions;
}

namespace {

// Range minimum or maximum in O(1) after O(n log n): a sparse table.
class RangeExtreme {
  public:
    RangeExtreme(std::vector<std::size_t> values, bool largest) : largest_(largest) {
        table_.push_back(std::move(values));
        const std::size_t n = table_[0].size();
        for (std::size_t span = 2; span <= n; span *= 2) {
            const std::vector<std::size_t>& prev = table_.back();
            std::vector<std::size_t> next(n - span + 1);
            for (std::size_t i = 0; i < next.size(); ++i)
                next[i] = pick(prev[i], prev[i + span / 2]);
            table_.push_back(std::move(next));
        }
    }
    // Over [first, last], first <= last.
    std::size_t over(std::size_t first, std::size_t last) const {
        std::size_t k = 0;
        while ((std::size_t{2} << k) <= last - first + 1) ++k;
        return pick(table_[k][first], table_[k][last + 1 - (std::size_t{1} << k)]);
    }

  private:
    std::size_t pick(std::size_t a, std::size_t b) const {
        return largest_ ? std::max(a, b) : std::min(a, b);
    }
    bool largest_;
    std::vector<std::vector<std::size_t>> table_;
};

bool residual_sum(const Layer& layer) {
    return layer.inputs.size() >= 2 && (layer.type == "Add" || layer.type == "Sum");
}

}  // namespace

std::vector<std::vector<std::size_t>> residual_regions(const Model& model) {
    const std::size_t n = model.layers.size();
    std::vector<std::vector<std::size_t>> regions;
    if (n < 3) return regions;
    // Per layer: the earliest layer it uses (itself when none), and its last user (n for a
    // model output).
    std::vector<std::size_t> earliest(n), last_use(n, 0);
    for (std::size_t l = 0; l < n; ++l) {
        earliest[l] = l;
        for (const TensorRef& in : model.layers[l].inputs) {
            if (in.layer >= l) return regions;  // not in topological order
            earliest[l] = std::min(earliest[l], in.layer);
            last_use[in.layer] = std::max(last_use[in.layer], l);
        }
    }
    for (const TensorRef& out : model.outputs) {
        if (out.layer < n) last_use[out.layer] = n;
    }
    const RangeExtreme earliest_used(earliest, false);
    const RangeExtreme last_used(last_use, true);
    // [first, sum]: entered by first - 1 alone, left by the sum alone.
    std::vector<std::pair<std::size_t, std::size_t>> found;
    for (std::size_t m = 1; m < n; ++m) {
        if (!residual_sum(model.layers[m])) continue;
        const std::size_t first = earliest[m] + 1;
        if (first >= m) continue;
        if (earliest_used.over(first, m) < first - 1) continue;
        if (last_used.over(first, m - 1) > m) continue;
        found.push_back({first, m});
    }
    // Such stretches nest or are apart: one holds another exactly when the next one by start
    // (the outer first at a tie) starts inside it.
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
    const std::size_t most = std::max<std::size_t>(2, n / 3);
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (i + 1 < found.size() && found[i + 1].first <= found[i].second) continue;
        std::vector<std::size_t> region;
        for (std::size_t l = found[i].first; l <= found[i].second; ++l) {
            if (!model.layers[l].implicit) region.push_back(l);
        }
        if (region.size() >= 2 && region.size() <= most) regions.push_back(std::move(region));
    }
    return regions;
}

namespace {

// "28x28x" for a layer whose output is 28×28 spatially (channels and batch left out); empty
// when unknown or without spatial axes.
std::string spatial_key(const Layer& layer) {
    if (!layer.shape_known || layer.shapes.empty() || layer.shapes.front().size() < 3) return "";
    const Shape shape = channels_last(layer, layer.shapes.front());
    std::string key;
    for (std::size_t i = 1; i + 1 < shape.size(); ++i) {
        if (shape[i] <= 0) return "";
        key += std::to_string(shape[i]) + "x";
    }
    return key;
}

// A layer that changes the spatial size by its kind, for models whose sizes are unknown.
bool resamples(const std::string& type) {
    if (type.find("Global") != std::string::npos) return false;
    for (const char* word : {"Pool", "UpSampling", "Upsample", "Transpose", "Resize"}) {
        if (type.find(word) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

std::vector<std::vector<std::size_t>> resolution_runs(const Model& model,
                                                      bool (*computes)(const Layer&)) {
    std::vector<std::vector<std::size_t>> runs;
    bool merges = false;
    std::size_t sources = 0;
    for (std::size_t l = 0; l < model.layers.size(); ++l) {
        for (const TensorRef& in : model.layers[l].inputs) {
            if (in.layer >= l) return runs;  // not in topological order
        }
        merges = merges || model.layers[l].inputs.size() >= 2;
        sources += model.layers[l].inputs.empty();
    }
    // Chains from several inputs interleave in the model's order: a run would mix them.
    if (!merges || sources != 1) return runs;
    std::vector<std::size_t> run;
    std::size_t own = 0;
    std::string key;
    const auto close = [&] {
        if (own >= 2) runs.push_back(std::move(run));
        run.clear();
        own = 0;
    };
    for (std::size_t l = 0; l < model.layers.size(); ++l) {
        const Layer& layer = model.layers[l];
        if (layer.implicit) continue;
        const std::string k = spatial_key(layer);
        if ((!k.empty() && !key.empty() && k != key) || resamples(layer.type)) close();
        if (!k.empty()) key = k;
        run.push_back(l);
        own += computes(layer);
    }
    close();
    if (runs.size() < 2) runs.clear();
    return runs;
}

}  // namespace strata::layout::detail
