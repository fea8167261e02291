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

// Label boxes of one side sorted by their left edge, with the widest one's width, so that
// the boxes a gap may meet are found by a search rather than a scan of them all.
struct SortedBoxes {
    std::vector<Rect> boxes;
    double widest = 0;

    explicit SortedBoxes(std::vector<Rect> all) : boxes(std::move(all)) {
        std::sort(boxes.begin(), boxes.end(),
                  [](const Rect& a, const Rect& b) { return a.x1 < b.x1; });
        for (const Rect& box : boxes) widest = std::max(widest, box.x2 - box.x1);
    }
};

// The middle of the widest part of `gap` that no label of one side covers, kept a little off
// their edges; none when the labels cover it all.
std::optional<double> clear_x(Span gap, const SortedBoxes& sorted, double margin) {
    std::vector<Span> free{{gap.lo + margin, gap.hi - margin}};
    // Only boxes whose left edge is within the widest box's width (and the margins) of the
    // gap can meet it.
    const auto by_left = [](const Rect& box, double x) { return box.x1 < x; };
    const auto first = std::lower_bound(sorted.boxes.begin(), sorted.boxes.end(),
                                        gap.lo - sorted.widest - 2 * margin, by_left);
    const auto last = std::lower_bound(first, sorted.boxes.end(), gap.hi + 2 * margin, by_left);
    for (auto box = first; box != last; ++box) {
        std::vector<Span> left;
        for (const Span& s : free) {
            const double lo = box->x1 - margin, hi = box->x2 + margin;
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

// The highest lane taken over each stretch of x, for the arcs of one side: an arc's lane is
// one above the highest among the arcs already placed whose spans meet its own. A segment
// tree over the spans' ends: each placing and asking costs log n, not a pass over the arcs.
class LaneTree {
  public:
    explicit LaneTree(std::vector<double> ends) : ends_(std::move(ends)) {
        std::sort(ends_.begin(), ends_.end());
        ends_.erase(std::unique(ends_.begin(), ends_.end()), ends_.end());
        size_ = std::max<std::size_t>(1, ends_.size());
        best_.assign(4 * size_, 0);
        tag_.assign(4 * size_, 0);
    }

    // The highest lane over the open span (lo, hi).
    int highest(double lo, double hi) const {
        const auto [a, b] = stretches(lo, hi);
        return a < b ? query(1, 0, size_, a, b) : 0;
    }

    void place(double lo, double hi, int lane) {
        const auto [a, b] = stretches(lo, hi);
        if (a < b) update(1, 0, size_, a, b, lane);
    }

  private:
    // The stretches between consecutive ends that (lo, hi) covers: [a, b).
    std::pair<std::size_t, std::size_t> stretches(double lo, double hi) const {
        const auto a = std::lower_bound(ends_.begin(), ends_.end(), lo) - ends_.begin();
        const auto b = std::lower_bound(ends_.begin(), ends_.end(), hi) - ends_.begin();
        return {static_cast<std::size_t>(a), static_cast<std::size_t>(b)};
    }
    int query(std::size_t node, std::size_t l, std::size_t r, std::size_t a, std::size_t b) const {
        if (b <= l || r <= a) return 0;
        if (a <= l && r <= b) return best_[node];
        const std::size_t m = (l + r) / 2;
        return std::max({tag_[node], query(2 * node, l, m, a, b), query(2 * node + 1, m, r, a, b)});
    }
    void update(std::size_t node, std::size_t l, std::size_t r, std::size_t a, std::size_t b,
                int lane) {
        if (b <= l || r <= a) return;
        best_[node] = std::max(best_[node], lane);
        if (a <= l && r <= b) {
            tag_[node] = std::max(tag_[node], lane);
            return;
        }
        const std::size_t m = (l + r) / 2;
        update(2 * node, l, m, a, b, lane);
        update(2 * node + 1, m, r, a, b, lane);
    }

    std::vector<double> ends_;
    std::size_t size_ = 1;
    std::vector<int> best_, tag_;
};

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
    const SortedBoxes top_boxes(std::move(tops)), bottom_boxes(std::move(bottoms));
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
            const auto out_top = clear_x(out, top_boxes, margin);
            const auto in_top = clear_x(in, top_boxes, margin);
            const auto out_bottom = clear_x(out, bottom_boxes, margin);
            const auto in_bottom = clear_x(in, bottom_boxes, margin);
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
    std::vector<double> ends_above, ends_below;
    for (const Planned& p : planned) {
        std::vector<double>& ends = p.above ? ends_above : ends_below;
        ends.push_back(std::min(p.x_out, p.x_in) - margin);
        ends.push_back(std::max(p.x_out, p.x_in) + margin);
    }
    LaneTree above(std::move(ends_above)), below(std::move(ends_below));
    std::vector<SkipArc> arcs(planned.size());
    for (std::size_t k : order) {
        Planned& p = planned[k];
        const double lo = std::min(p.x_out, p.x_in) - margin,
                     hi = std::max(p.x_out, p.x_in) + margin;
        LaneTree& side = p.above ? above : below;
        const int lane_number = side.highest(lo, hi) + 1;
        side.place(lo, hi, lane_number);
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
