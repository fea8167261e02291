#include "layout/detail/graph_regions.hpp"

#include <algorithm>

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

}  // namespace strata::layout::detail
