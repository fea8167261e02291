#include "layout/decorations/group_marks.hpp"

#include <algorithm>

#include "layout/layered/annotation_marks.hpp"
#include "layout/layered/figure_bounds.hpp"
#include "layout/layered/repeat_units.hpp"

namespace strata::layout {

std::vector<std::optional<Rect>> group_marks(const std::vector<DrawnBox>& boxes,
                                             const BranchingLayout* placed, BoxFrame frame,
                                             const Options& options, TextMeasurer& text) {
    std::vector<std::optional<Rect>> offsets;
    for (const DrawnBox& b : boxes) {
        if (!b.caption) {
            offsets.emplace_back();
            continue;
        }
        offsets.push_back(caption_block(b, 0, 0, options));
    }
    if (placed == nullptr) return offsets;
    const graph::Arrangement& a = placed->graph.arrangement;
    for (std::size_t k = 0; k < placed->units.boxes.size(); ++k) {
        const graph::Repeat& r = a.repeats[k];
        const std::size_t row = boxes[placed->graph.index_of(a.spine[r.first])].row;
        const RepeatLabel& label = placed->levels.repeat_labels[k];
        const TextMetrics m = text.measure(label.text, annotation_font(options));
        const double label_bottom =
            placed->rows[row].y + placed->levels.bracket_y[k] + kBracketTick / 2 + m.ascent +
            m.descent + static_cast<double>(label.line) * annotation_line_height(text, options);
        // The label stands under the unit's bracket and may be wider than the unit.
        const double label_left = label.left;
        for (std::size_t i : placed->units.boxes[k]) {
            const BoxPlacement p = layout_box(boxes[i], frame);
            const double width = p.x2 - p.x1, ghosts = 2 * kGhostStep;
            Rect marks{std::min(0.0, label_left - p.x1), -p.de - ghosts,
                       std::max(width + p.de + ghosts, label_left + m.advance - p.x1),
                       label_bottom - p.y1};
            if (const auto& caption = offsets[i]) {
                marks.left = std::min(marks.left, caption->left);
                marks.top = std::min(marks.top, caption->top);
                marks.right = std::max(marks.right, caption->right);
                marks.bottom = std::max(marks.bottom, caption->bottom);
            }
            offsets[i] = marks;
        }
    }
    return offsets;
}

std::vector<std::optional<Rect>> lane_reaches(const std::vector<DrawnBox>& boxes,
                                              const BranchingLayout* placed, BoxFrame frame) {
    std::vector<std::optional<Rect>> reaches(boxes.size());
    if (placed == nullptr) return reaches;
    const GraphBoxes& graph = placed->graph;
    const graph::Dag& dag = graph.arrangement.dag;
    for (std::size_t i = graph.spine_boxes; i < boxes.size(); ++i) {
        const BoxPlacement p = layout_box(boxes[i], frame);
        double left = p.x1 - (p.reversed ? p.de : 0), right = p.x2 + (p.reversed ? 0 : p.de);
        // The connectors run along the lane to the spine boxes it leaves and rejoins.
        const auto reach_to = [&](std::size_t node) {
            if (!graph.visible(node)) return;
            const std::size_t k = graph.index_of(node);
            if (!boxes[k].on_spine || boxes[k].row != boxes[i].row) return;
            const BoxPlacement q = layout_box(boxes[k], frame);
            left = std::min(left, q.x1);
            right = std::max(right, q.x2);
        };
        for (std::size_t u : dag.preds[boxes[i].node]) reach_to(u);
        for (std::size_t w : dag.succs[boxes[i].node]) reach_to(w);
        reaches[i] = Rect{left - p.x1, -p.de, right - p.x1, p.y2 - p.y1};
    }
    return reaches;
}

}  // namespace strata::layout
