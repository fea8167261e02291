#include "layout/layered/group_edges.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "layout/layered/annotation_marks.hpp"
#include "layout/layered/figure_bounds.hpp"
#include "layout/layered/suffix_shifts.hpp"

namespace strata::layout {
namespace {

// The x range a box takes with its caption, and with the ×N label of the unit it ends or
// starts (a label is centred under its unit and may be wider than it).
struct Reach {
    double left = 0, right = 0;
};

Reach box_reach(const DrawnBox& b, BoxFrame frame, const Options& options) {
    const double x1 = front_left(b, frame);
    Reach r{x1 - reversed_share(frame) * b.de, x1 + b.size.z + right_reach(b, frame)};
    if (b.caption) {
        const Rect c = caption_block(b, x1, 0, options);
        r.left = std::min(r.left, c.left);
        r.right = std::max(r.right, c.right);
    }
    return r;
}

}  // namespace

void make_room_at_group_edges(const GraphBoxes& graph, const RepeatUnits& units,
                              std::vector<DrawnBox>& boxes, BoxFrame frame, const Model& model,
                              const Options& options, TextMeasurer& text) {
    if (options.layered_groups.empty() || options.compat_visualkeras) return;
    const std::size_t count = std::min(graph.spine_boxes, boxes.size());
    if (count < 2) return;
    // The groups of each layer name, ascending without repeats (groups are visited in order).
    std::unordered_map<std::string_view, std::vector<std::size_t>> groups_of;
    for (std::size_t g = 0; g < options.layered_groups.size(); ++g) {
        for (const std::string& name : options.layered_groups[g].layers) {
            std::vector<std::size_t>& in = groups_of[name];
            if (in.empty() || in.back() != g) in.push_back(g);
        }
    }
    static const std::vector<std::size_t> kNone;
    const auto groups = [&](const DrawnBox& b) -> const std::vector<std::size_t>& {
        const auto found = groups_of.find(model.layers[b.layer].name);
        return found == groups_of.end() ? kNone : found->second;
    };
    // Per box, how far the ×N label of its unit reaches beyond the unit on either side: the
    // longest label it may take.
    const graph::Arrangement& a = graph.arrangement;
    const FontSpec font = annotation_font(options);
    std::vector<Reach> labels(count, Reach{0, 0});
    std::vector<bool> labelled(count, false);
    for (std::size_t k = 0; k < a.repeats.size() && k < units.boxes.size(); ++k) {
        if (units.boxes[k].empty()) continue;
        const auto [lo, hi] = unit_extent(units.boxes[k], boxes, frame);
        const double w =
            text.measure(repeat_label_choices(a.repeats[k], false).front(), font).advance;
        const double centre = (lo + hi) / 2;
        for (const std::size_t i : units.boxes[k]) {
            if (i >= count) continue;
            labels[i] = Reach{centre - w / 2 - front_left(boxes[i], frame),
                              centre + w / 2 - front_left(boxes[i], frame)};
            labelled[i] = true;
        }
    }
    const auto reach = [&](std::size_t i) {
        Reach r = box_reach(boxes[i], frame, options);
        if (labelled[i]) {
            const double x1 = front_left(boxes[i], frame);
            r.left = std::min(r.left, x1 + labels[i].left);
            r.right = std::max(r.right, x1 + labels[i].right);
            // A frame holds the ghosts of a ×N unit inside it too (group_marks).
            r.right = std::max(r.right, x1 + boxes[i].size.z + boxes[i].de + 2 * kGhostStep);
        }
        return r;
    };
    // The lanes that leave each spine position, and those that rejoin it: their boxes stand
    // between the two spine boxes at an edge, on one side of it or the other.
    std::vector<std::vector<std::size_t>> forking(a.spine.size() + 1), joining(a.spine.size() + 1);
    for (std::size_t bi = 0; bi < a.branches.size() && bi < graph.branch_nodes.size(); ++bi) {
        for (const std::size_t v : graph.branch_nodes[bi]) {
            if (a.branches[bi].fork >= 0)
                forking[static_cast<std::size_t>(a.branches[bi].fork)].push_back(graph.index_of(v));
            joining[std::min(a.branches[bi].join, a.spine.size())].push_back(graph.index_of(v));
        }
    }
    // An edge that needs room moves every box from it on; the moves are summed over the boxes
    // in the order of their fronts, so many edges cost near-linear time, not edges times boxes.
    SuffixShifts shifts(boxes, frame);
    const std::vector<std::size_t>* before = &groups(boxes[0]);
    double left_side = reach(0).right;  // of the spine boxes before i, which stay where they are
    for (std::size_t i = 1; i < count; ++i) {
        if (i > 1) {
            shifts.at(i - 1);
            left_side = std::max(left_side, reach(i - 1).right);
        }
        const std::vector<std::size_t>& now = groups(boxes[i]);
        if (now == *before) continue;
        // The frames that end here stand a padding right of what the boxes before write, and
        // those that begin a padding left of what this box writes.
        double leaving = 0, entering = 0;
        for (const std::size_t g : *before) {
            if (!std::binary_search(now.begin(), now.end(), g))
                leaving = std::max(leaving, options.layered_groups[g].padding);
        }
        for (const std::size_t g : now) {
            if (!std::binary_search(before->begin(), before->end(), g))
                entering = std::max(entering, options.layered_groups[g].padding);
        }
        before = &now;
        double from = front_left(shifts.at(i), frame);
        double left = left_side, right = reach(i).left;
        const std::size_t position = graph.spine_index(boxes[i].node);
        for (const std::size_t k : joining[position]) {
            if (k < boxes.size())
                left = std::max(left, box_reach(shifts.at(k), frame, options).right);
        }
        for (const std::size_t k : forking[graph.spine_index(boxes[i - 1].node)]) {
            if (k >= boxes.size()) continue;
            right = std::min(right, box_reach(shifts.at(k), frame, options).left);
            from = std::min(from, front_left(boxes[k], frame));
        }
        const double need = left + leaving + entering + boxes[i].style.font.size / 2 - right;
        if (need > 0) shifts.shift_from(from, need);
    }
    shifts.settle_all();
}

}  // namespace strata::layout
