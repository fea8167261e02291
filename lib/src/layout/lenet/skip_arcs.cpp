#include "layout/lenet/skip_arcs.hpp"

#include <algorithm>
#include <cmath>
#include <map>
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

// The lanes of the arcs of one side. An arc's lowest lane is one above every arc placed over
// the stacks between its legs (so that it passes over their ends); it takes the lowest lane
// from there that no arc it meets has taken. An arc that only shares a gap with another (the
// parallel branches of a text CNN, whose stacks alternate in the row) may so go under it,
// where a lane above every arc met would climb a step with each arc of the row.
class LaneSide {
  public:
    explicit LaneSide(std::vector<double> ends) : tree_(std::move(ends)) {}

    int lane_for(Span span, Span between) const {
        int lane = tree_.highest(between.lo, between.hi) + 1;
        while (taken(lane, span)) ++lane;
        return lane;
    }
    void place(Span span, int lane) {
        tree_.place(span.lo, span.hi, lane);
        used_[lane].emplace(span.lo, span.hi);
    }

  private:
    // Spans on one lane never meet, so only the last that starts before `span` ends can.
    bool taken(int lane, Span span) const {
        const auto on = used_.find(lane);
        if (on == used_.end()) return false;
        auto next = on->second.lower_bound(span.hi);
        if (next == on->second.begin()) return false;
        return std::prev(next)->second > span.lo;
    }

    LaneTree tree_;
    std::map<int, std::map<double, double>> used_;
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
    // Where an arc may rise above the row and where it may drop below it: the x of its legs in
    // the gap after its source and the gap before its target, on each side whose labels leave
    // room there.
    struct Legs {
        double out = 0, in = 0;
        double lo(double margin) const { return std::min(out, in) - margin; }
        double hi(double margin) const { return std::max(out, in) + margin; }
    };
    struct Planned {
        SkipArc arc;
        std::optional<Legs> above, below;
        Legs crossing;  // when neither side has room
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
            if (out_top && in_top) p.above = Legs{*out_top, *in_top};
            if (out_bottom && in_bottom) p.below = Legs{*out_bottom, *in_bottom};
            p.crossing = {(out.lo + out.hi) / 2, (in.lo + in.hi) / 2};
            p.arc.crosses_label = !p.above && !p.below;
            planned.push_back(std::move(p));
        }
    }
    const auto first_legs = [](const Planned& p) {
        return p.above ? *p.above : p.below ? *p.below : p.crossing;
    };
    // The shortest spans take the lanes nearest the row, so that longer arcs pass over them.
    std::vector<std::size_t> order(planned.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Legs la = first_legs(planned[a]), lb = first_legs(planned[b]);
        return std::fabs(la.in - la.out) < std::fabs(lb.in - lb.out);
    });
    // The stretch of an arc between its legs, clear of the gaps they stand in: the stacks it
    // passes over.
    const auto between = [&](const Legs& legs) {
        return Span{std::min(legs.out, legs.in) + margin, std::max(legs.out, legs.in) - margin};
    };
    const auto span_of = [&](const Legs& legs) { return Span{legs.lo(margin), legs.hi(margin)}; };
    std::vector<double> ends_above, ends_below;
    for (const Planned& p : planned) {
        const bool none = !p.above && !p.below;
        for (std::vector<double>* ends : {&ends_above, &ends_below}) {
            const bool on_side = ends == &ends_above ? p.above || none : p.below.has_value();
            if (!on_side) continue;
            const Legs legs = ends == &ends_above ? (p.above ? *p.above : p.crossing) : *p.below;
            const Span b = between(legs);
            ends->insert(ends->end(), {legs.lo(margin), legs.hi(margin), b.lo, b.hi});
        }
    }
    LaneSide above(std::move(ends_above)), below(std::move(ends_below));
    // Where both sides have room an arc takes the side whose lane is nearer the row: parallel
    // branches then go one above and one below.
    std::vector<SkipArc> arcs(planned.size());
    for (std::size_t k : order) {
        Planned& p = planned[k];
        const Legs up = p.above ? *p.above : p.crossing;
        const int lane_above = p.above || !p.below ? above.lane_for(span_of(up), between(up)) : 0;
        const int lane_below = p.below ? below.lane_for(span_of(*p.below), between(*p.below)) : 0;
        const bool goes_above = !p.below || (p.above && lane_above <= lane_below);
        const Legs legs = goes_above ? up : *p.below;
        const int lane_number = goes_above ? lane_above : lane_below;
        (goes_above ? above : below).place(span_of(legs), lane_number);
        const double lane =
            goes_above ? highest - lane_gap * lane_number : lowest + lane_gap * lane_number;
        const FeatureStack& src = stacks[p.arc.from];
        const FeatureStack& dst = stacks[p.arc.to];
        const double y_out = (src.front().y1 + src.front().y2) / 2;
        const Rect db = dst.bounds();
        const double y_in = (db.y1 + db.y2) / 2;
        p.arc.points = {{src.front().x2, y_out}, {legs.out, y_out}, {legs.out, lane},
                        {legs.in, lane},         {legs.in, y_in},   {db.x1, y_in}};
        arcs[k] = std::move(p.arc);
    }
    return arcs;
}

}  // namespace strata::layout
