#include "layout/layered/horizontal_placement.hpp"

#include <algorithm>
#include <limits>
#include <vector>

#include "layout/decorations/caption_spacing.hpp"
#include "layout/layered/figure_bounds.hpp"

namespace strata::layout {
namespace {

// Where a branch's first box starts: after its fork box, or with the row.
double branch_start(const GraphBoxes& graph, const std::vector<DrawnBox>& boxes, std::size_t bi,
                    BoxFrame frame) {
    const graph::Branch& br = graph.arrangement.branches[bi];
    if (br.fork < 0) return front_left(boxes.front(), frame);
    const auto fork = static_cast<std::size_t>(br.fork);
    const DrawnBox& f = boxes[graph.index_of(graph.arrangement.spine[fork])];
    // The gap before the spine box after the fork holds the clearance of a group the branch
    // enters with it: no group rectangle then reaches back over the fork box.
    double gap = 0;
    if (fork + 1 < graph.arrangement.spine.size() &&
        graph.visible(graph.arrangement.spine[fork + 1]))
        gap = boxes[graph.index_of(graph.arrangement.spine[fork + 1])].gap_before;
    return front_left(f, frame) + f.size.z + right_reach(f, frame) + f.style.spacing + gap;
}

// Where the legs down into a branch's lanes leave its fork: on the fork's front-bottom edge,
// left of its right end (-inf when the branch starts a row).
double fork_legs_right(const GraphBoxes& graph, const std::vector<DrawnBox>& boxes, std::size_t bi,
                       BoxFrame frame) {
    const graph::Branch& br = graph.arrangement.branches[bi];
    if (br.fork < 0) return -std::numeric_limits<double>::infinity();
    const DrawnBox& f =
        boxes[graph.index_of(graph.arrangement.spine[static_cast<std::size_t>(br.fork)])];
    return front_left(f, frame) + f.size.z;
}

// Places a branch's boxes left to right from `start` (front face of the first box), far
// enough apart that their captions do not touch, the first one clear of the legs that drop
// from the fork past it; returns where the next thing may start. Captions above and below
// the lane are apart already: each side keeps its own right end, so that captions in turn
// above and below have the room of two boxes, as on the spine.
double lay_branch(const GraphBoxes& graph, std::vector<DrawnBox>& boxes, std::size_t bi,
                  double start, BoxFrame frame, const Options& options) {
    double x = start;
    const double legs_right = fork_legs_right(graph, boxes, bi, frame);
    double caption_right[2] = {legs_right, legs_right};  // below, above
    for (std::size_t v : graph.branch_nodes[bi]) {
        DrawnBox& b = boxes[graph.index_of(v)];
        b.left = x - frame.x_offset - reversed_share(frame) * b.de;
        if (b.caption) {
            const Rect block = caption_block(b, x, 0, options);
            double& side_right = caption_right[b.caption->above ? 1 : 0];
            const double push = side_right + options.font_size / 2 - block.left;
            if (push > 0) {
                b.left += push;
                x += push;
            }
            side_right = block.right + std::max(0.0, push);
        }
        x += b.size.z + b.de + b.style.spacing;
    }
    return x;
}

// The fractions of each spine box's top outline where a skip or bus leg meets it, as the
// connectors draw them: 0.75 where one leaves, 0.25 where one arrives.
std::vector<std::vector<double>> top_legs(const GraphBoxes& graph) {
    std::vector<std::vector<double>> legs(graph.spine_boxes);
    const auto add = [&](std::size_t node, double fraction) {
        if (!graph.visible(node)) return;
        const std::size_t i = graph.index_of(node);
        if (i < legs.size()) legs[i].push_back(fraction);
    };
    for (const graph::Skip& s : graph.arrangement.skips) {
        add(s.from, 0.75);
        add(s.to, 0.25);
    }
    for (const graph::Bus& bus : graph.arrangement.buses) {
        for (std::size_t v : bus.sources) add(v, 0.75);
        for (std::size_t v : bus.targets) add(v, 0.25);
    }
    return legs;
}

// The top of box b's outline at x, the box centred on the row line as the spine is.
double outline_top(const DrawnBox& b, BoxFrame frame, double x) {
    const double y1 = -(b.size.y + b.de) / 2 + b.de;
    return y1 - std::clamp(x - front_left(b, frame), 0.0, b.de);
}

// How far right spine box i must move for a vertical leg at x on its top outline to clear the
// depth of the boxes before it that stand taller there (0 when it is clear).
double leg_blocked_by(const std::vector<DrawnBox>& boxes, std::size_t i, double x, BoxFrame frame) {
    constexpr double kClearance = 5;  // px between the leg and the outline it passes
    const DrawnBox& b = boxes[i];
    double push = 0;
    for (std::size_t k = i > kDepthReach ? i - kDepthReach : 0; k < i; ++k) {
        const DrawnBox& a = boxes[k];
        const double reach = front_left(a, frame) + a.size.z + right_reach(a, frame);
        if (x >= reach + kClearance || x <= front_left(a, frame)) continue;
        if (outline_top(a, frame, x) < outline_top(b, frame, x) - 0.5)
            push = std::max(push, reach + kClearance - x);
    }
    return push;
}

// How far right spine box i must move so that the skips and buses meeting its top can: when
// the depth of the boxes before it covers its whole top outline (no leg could rise from it
// without crossing them), far enough for each leg to rise at its usual place.
double leg_clearance(const std::vector<DrawnBox>& boxes, std::size_t i,
                     const std::vector<double>& fractions, BoxFrame frame) {
    const DrawnBox& b = boxes[i];
    const double length = b.size.z + right_reach(b, frame);
    const double x1 = front_left(b, frame);
    if (fractions.empty() || leg_blocked_by(boxes, i, x1 + length - 0.5, frame) == 0) return 0;
    double shift = 0;
    for (const double f : fractions) {
        // Moving right can bring the slanted front of another box over the leg: a few rounds.
        for (int round = 0; round < 4; ++round) {
            const double push = leg_blocked_by(boxes, i, x1 + shift + f * length, frame);
            if (push <= 0) break;
            shift += push;
        }
    }
    return shift;
}

// Whether a lane leaves this spine layer (its connector drops from the box's bottom).
bool forks_lane(const GraphBoxes& graph, std::size_t node) {
    for (std::size_t w : graph.arrangement.dag.succs[node]) {
        if (graph.arrangement.spine_pos[w] < 0 && graph.visible(w)) return true;
    }
    return false;
}

}  // namespace

void spread_captions(std::vector<DrawnBox>& boxes, std::size_t count, BoxFrame frame,
                     const Options& options) {
    bool any = false;
    std::vector<BoxFootprint> footprints;
    footprints.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const DrawnBox& b = boxes[i];
        const double x1 = front_left(b, frame), h = b.size.y + b.de;
        BoxFootprint f;
        f.box = Rect{x1 - reversed_share(frame) * b.de, -h / 2,
                     x1 + b.size.z + (1 - reversed_share(frame)) * b.de, h / 2};
        // Connector legs drop from the front-bottom edge of a box with lanes below it: no
        // caption of its neighbours may lie under that edge. (Captions stay clear of the
        // boxes' depth anyway: they share a band beyond the tallest box of their row.)
        if (b.legs_below) {
            f.box.right = x1 + b.size.z;
            f.box.bottom = std::numeric_limits<double>::infinity();
        }
        if (b.caption) {
            any = true;
            f.has_caption = true;
            f.caption = caption_block(b, x1, -h / 2 + b.de, options);  // centred on y = 0
        }
        footprints.push_back(f);
    }
    if (!any) return;
    // Half a font size between neighbouring captions keeps them apart as words.
    const std::vector<double> shifts = caption_shifts(footprints, options.font_size / 2);
    for (std::size_t i = 0; i < count; ++i) boxes[i].left += shifts[i];
}

void place_left_to_right(const GraphBoxes& graph, std::vector<DrawnBox>& boxes, BoxFrame frame,
                         const Options& options) {
    const graph::Arrangement& a = graph.arrangement;
    std::vector<std::vector<std::size_t>> joining(a.spine.size() + 1);
    for (std::size_t bi = 0; bi < a.branches.size(); ++bi) {
        if (!graph.branch_nodes[bi].empty())
            joining[std::min(a.branches[bi].join, a.spine.size())].push_back(bi);
    }
    const std::vector<std::vector<double>> legs = top_legs(graph);
    // Captions spread the spine apart: the room a rejoining branch needs is then left once
    // they have, or the spine would be pushed for the branch and again for its captions.
    const bool captioned =
        !options.compat_visualkeras &&
        std::any_of(boxes.begin(), boxes.begin() + static_cast<long>(graph.spine_boxes),
                    [](const DrawnBox& b) { return b.caption.has_value(); });
    // The spine left to right, leaving room for the branches that rejoin it.
    double cursor = options.padding;
    for (std::size_t i = 0; i < graph.spine_boxes; ++i) {
        DrawnBox& b = boxes[i];
        cursor += b.gap_before;
        const std::size_t pos = graph.spine_index(b.node);
        for (std::size_t bi : captioned ? std::vector<std::size_t>{} : joining[pos]) {
            const double needed =
                lay_branch(graph, boxes, bi, branch_start(graph, boxes, bi, frame), frame, options);
            const double x1 = cursor - b.de / 2 + frame.x_offset + reversed_share(frame) * b.de;
            if (needed > x1) cursor += needed - x1;
        }
        // A glyph, or a box a lane leaves from below, stands clear of the depth of the box
        // before it, so that connectors can reach it.
        if ((is_glyph(b) || forks_lane(graph, b.node)) && i > 0) cursor += boxes[i - 1].de;
        if (i > 0 && is_glyph(boxes[i - 1])) cursor += b.de / 2;  // nor its own depth back
        b.left = cursor - b.de / 2;
        // A box whose top lies under the depth of the boxes before it moves out from under
        // them, so that its skip legs rise clear (a reversed figure's depth reaches the other
        // way).
        if (!frame.reversed) {
            const double shift = leg_clearance(boxes, i, legs[i], frame);
            b.left += shift;
            cursor += shift;
        }
        cursor += b.size.z + b.style.spacing;
    }
    if (!options.compat_visualkeras) spread_captions(boxes, graph.spine_boxes, frame, options);
    if (captioned) {
        double pushed = 0;  // how far the boxes from here on move right
        for (std::size_t i = 0; i < graph.spine_boxes; ++i) {
            boxes[i].left += pushed;
            for (std::size_t bi : joining[graph.spine_index(boxes[i].node)]) {
                const double needed = lay_branch(
                    graph, boxes, bi, branch_start(graph, boxes, bi, frame), frame, options);
                const double push = needed - front_left(boxes[i], frame);
                if (push <= 0) continue;
                boxes[i].left += push;
                pushed += push;
            }
        }
    }
    for (std::size_t bi = 0; bi < a.branches.size(); ++bi)
        lay_branch(graph, boxes, bi, branch_start(graph, boxes, bi, frame), frame, options);
}

}  // namespace strata::layout
