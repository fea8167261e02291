#include "layout/layered/horizontal_placement.hpp"

#include <algorithm>
#include <limits>

#include "layout/decorations/caption_spacing.hpp"
#include "layout/layered/figure_bounds.hpp"

namespace strata::layout {
namespace {

// Where a branch's first box starts: after its fork box, or with the row.
double branch_start(const GraphBoxes& graph, const std::vector<DrawnBox>& boxes, std::size_t bi,
                    BoxFrame frame) {
    const graph::Branch& br = graph.arrangement.branches[bi];
    if (br.fork < 0) return front_left(boxes.front(), frame);
    const DrawnBox& f =
        boxes[graph.index_of(graph.arrangement.spine[static_cast<std::size_t>(br.fork)])];
    return front_left(f, frame) + f.size.z + right_reach(f, frame) + f.style.spacing;
}

// Places a branch's boxes left to right from `start` (front face of the first box), far
// enough apart that their captions do not touch; returns where the next thing may start.
double lay_branch(const GraphBoxes& graph, std::vector<DrawnBox>& boxes, std::size_t bi,
                  double start, BoxFrame frame, const Options& options) {
    double x = start;
    double caption_right = -std::numeric_limits<double>::infinity();
    for (std::size_t v : graph.branch_nodes[bi]) {
        DrawnBox& b = boxes[graph.index_of(v)];
        b.left = x - frame.x_offset - reversed_share(frame) * b.de;
        if (b.caption) {
            const Rect block = caption_block(b, x, 0, options);
            const double push = caption_right + options.font_size / 2 - block.left;
            if (push > 0) {
                b.left += push;
                x += push;
            }
            caption_right = block.right + std::max(0.0, push);
        }
        x += b.size.z + b.de + b.style.spacing;
    }
    return x;
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
    // The spine left to right, leaving room for the branches that rejoin it.
    double cursor = options.padding;
    for (std::size_t i = 0; i < graph.spine_boxes; ++i) {
        DrawnBox& b = boxes[i];
        cursor += b.gap_before;
        const std::size_t pos = graph.spine_index(b.node);
        for (std::size_t bi : joining[pos]) {
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
        cursor += b.size.z + b.style.spacing;
    }
    if (!options.compat_visualkeras) spread_captions(boxes, graph.spine_boxes, frame, options);
    for (std::size_t bi = 0; bi < a.branches.size(); ++bi)
        lay_branch(graph, boxes, bi, branch_start(graph, boxes, bi, frame), frame, options);
}

}  // namespace strata::layout
