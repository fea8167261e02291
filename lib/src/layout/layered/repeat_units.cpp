#include "layout/layered/repeat_units.hpp"

#include <algorithm>
#include <limits>

namespace strata::layout {

RepeatUnits repeat_units(const GraphBoxes& graph, const std::vector<DrawnBox>& boxes) {
    const graph::Arrangement& a = graph.arrangement;
    std::vector<long> repeat_at(a.spine.size(), -1);
    for (std::size_t k = 0; k < a.repeats.size(); ++k) {
        for (std::size_t p = a.repeats[k].first; p <= a.repeats[k].last; ++p)
            repeat_at[p] = static_cast<long>(k);
    }
    RepeatUnits units;
    units.boxes.assign(a.repeats.size(), {});
    units.unit_of_box.assign(boxes.size(), -1);
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const DrawnBox& b = boxes[i];
        const long pos =
            b.on_spine ? a.spine_pos[b.node] : a.branches[static_cast<std::size_t>(b.branch)].fork;
        if (pos < 0) continue;
        long& unit = units.unit_of_box[i];
        unit = repeat_at[static_cast<std::size_t>(pos)];
        // A lane forking at the unit's last layer but rejoining after it (the next block's
        // projection shortcut) is not part of the unit.
        if (!b.on_spine && unit >= 0) {
            const std::size_t join = a.branches[static_cast<std::size_t>(b.branch)].join;
            if (join > a.repeats[static_cast<std::size_t>(unit)].last) unit = -1;
        }
        if (unit >= 0) units.boxes[static_cast<std::size_t>(unit)].push_back(i);
    }
    return units;
}

std::pair<double, double> unit_extent(const std::vector<std::size_t>& unit,
                                      const std::vector<DrawnBox>& boxes, BoxFrame frame) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t i : unit) {
        const DrawnBox& b = boxes[i];
        const double x1 = front_left(b, frame);
        lo = std::min(lo, x1 - reversed_share(frame) * b.de);
        hi = std::max(hi, x1 + b.size.z + right_reach(b, frame));
    }
    return {lo, hi};
}

}  // namespace strata::layout
