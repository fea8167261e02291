#include "layout/decorations/group_marks.hpp"

#include <algorithm>

#include "layout/layered/annotation_marks.hpp"
#include "layout/layered/figure_bounds.hpp"

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
        const TextMetrics m = text.measure(repeat_label(r), annotation_font(options));
        const double label_bottom = placed->rows[row].y + placed->levels.bracket_y[k] +
                                    kBracketTick / 2 + m.ascent + m.descent;
        for (std::size_t i : placed->units.boxes[k]) {
            const BoxPlacement p = layout_box(boxes[i], frame);
            const double width = p.x2 - p.x1, ghosts = 2 * kGhostStep;
            Rect marks{0, -p.de - ghosts, width + p.de + ghosts, label_bottom - p.y1};
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

}  // namespace strata::layout
