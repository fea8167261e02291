#include "layout/lenet/skip_arcs.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

namespace strata::layout {
namespace {

struct Span {
    double lo = 0, hi = 0;
};

// The x range between stack `i` and the next (or the room of one gap past the last), and
// between the previous stack and stack `i`.
Span gap_after(const std::vector<FeatureStack>& stacks, std::size_t i, double gap) {
    const double from = stacks[i].front().x2;
    return {from, i + 1 < stacks.size() ? stacks[i + 1].bounds().x1 : from + gap};
}
Span gap_before(const std::vector<FeatureStack>& stacks, std::size_t i, double gap) {
    const double to = stacks[i].bounds().x1;
    return {i > 0 ? stacks[i - 1].front().x2 : to - gap, to};
}

// The middle of the widest part of `gap` that no label of one side covers, kept a little off
// their edges; none when the labels cover it all.
std::optional<double> clear_x(Span gap, const std::vector<Rect>& boxes, double margin) {
    std::vector<Span> free{{gap.lo + margin, gap.hi - margin}};
    for (const Rect& box : boxes) {
        std::vector<Span> left;
        for (const Span& s : free) {
            const double lo = box.x1 - margin, hi = box.x2 + margin;
            if (hi <= s.lo || lo >= s.hi) {
                left.push_back(s);
                continue;
            }
            if (lo > s.lo) left.push_back({s.lo, lo});
            if (hi < s.hi) left.push_back({hi, s.hi});
        }
        free = std::move(left);
    }
    const Span* widest = nullptr;
    for (const Span& s : free) {
        if (s.hi > s.lo && (!widest || s.hi - s.lo > widest->hi - widest->lo)) widest = &s;
    }
    if (!widest) return std::nullopt;
    return (widest->lo + widest->hi) / 2;
}

}  // namespace

std::vector<SkipArc> skip_arcs(const std::vector<FeatureStack>& stacks,
                               const std::vector<std::vector<std::size_t>>& inputs,
                               const std::vector<StackLabels>& labels, double lane_gap) {
    std::vector<Rect> tops, bottoms;
    double highest = stacks.front().bounds().y1, lowest = stacks.front().bounds().y2;
    for (std::size_t i = 0; i < stacks.size(); ++i) {
        highest = std::min(highest, stacks[i].bounds().y1);
        lowest = std::max(lowest, stacks[i].bounds().y2);
        if (labels[i].top) {
            tops.push_back(labels[i].top->box());
            highest = std::min(highest, tops.back().y1);
        }
        if (labels[i].bottom) {
            bottoms.push_back(labels[i].bottom->box());
            lowest = std::max(lowest, bottoms.back().y2);
        }
    }
    struct Planned {
        SkipArc arc;
        bool above = true;
        double x_out = 0, x_in = 0;
    };
    std::vector<Planned> planned;
    const double margin = lane_gap / 4;
    for (std::size_t to = 0; to < stacks.size(); ++to) {
        for (std::size_t from : inputs[to]) {
            if (from + 1 == to) continue;  // the chain's own connection
            const double gap = std::max(
                2 * margin, stacks[to].bounds().x1 - (to > 0 ? stacks[to - 1].front().x2 : 0));
            const Span out = gap_after(stacks, from, gap), in = gap_before(stacks, to, gap);
            Planned p;
            p.arc.from = from;
            p.arc.to = to;
            const auto out_top = clear_x(out, tops, margin), in_top = clear_x(in, tops, margin);
            const auto out_bottom = clear_x(out, bottoms, margin);
            const auto in_bottom = clear_x(in, bottoms, margin);
            if (out_top && in_top) {
                p.x_out = *out_top;
                p.x_in = *in_top;
            } else if (out_bottom && in_bottom) {
                p.above = false;
                p.x_out = *out_bottom;
                p.x_in = *in_bottom;
            } else {
                p.x_out = (out.lo + out.hi) / 2;
                p.x_in = (in.lo + in.hi) / 2;
                p.arc.crosses_label = true;
            }
            planned.push_back(std::move(p));
        }
    }
    // The shortest spans take the lanes nearest the row, so that longer arcs pass over them.
    std::vector<std::size_t> order(planned.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::fabs(planned[a].x_in - planned[a].x_out) <
               std::fabs(planned[b].x_in - planned[b].x_out);
    });
    // An arc takes the lane above every arc placed before it on its side whose span meets its
    // own (so that it passes over their ends), and the nearest lane when it meets none.
    struct Placed {
        bool above;
        double lo, hi;
        int lane;
    };
    std::vector<Placed> placed;
    std::vector<SkipArc> arcs(planned.size());
    for (std::size_t k : order) {
        Planned& p = planned[k];
        const double lo = std::min(p.x_out, p.x_in) - margin,
                     hi = std::max(p.x_out, p.x_in) + margin;
        int lane_number = 1;
        for (const Placed& other : placed) {
            if (other.above == p.above && other.lo < hi && lo < other.hi)
                lane_number = std::max(lane_number, other.lane + 1);
        }
        placed.push_back({p.above, lo, hi, lane_number});
        const double lane =
            p.above ? highest - lane_gap * lane_number : lowest + lane_gap * lane_number;
        const FeatureStack& src = stacks[p.arc.from];
        const FeatureStack& dst = stacks[p.arc.to];
        const double y_out = (src.front().y1 + src.front().y2) / 2;
        const Rect db = dst.bounds();
        const double y_in = (db.y1 + db.y2) / 2;
        p.arc.points = {{src.front().x2, y_out}, {p.x_out, y_out}, {p.x_out, lane},
                        {p.x_in, lane},          {p.x_in, y_in},   {db.x1, y_in}};
        arcs[k] = std::move(p.arc);
    }
    return arcs;
}

}  // namespace strata::layout
