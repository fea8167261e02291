#include "layout/layered/repeat_marks.hpp"

#include <utility>

#include "layout/decorations/text_run.hpp"
#include "layout/layered/annotation_marks.hpp"
#include "layout/layered/connector_shapes.hpp"

namespace strata::layout {
namespace {

const Rgba kGhostFill{236, 236, 236, 255};
const Rgba kGhostStroke{150, 150, 150, 255};

}  // namespace

RepeatMarks repeat_marks(const BranchingLayout& placed, const std::vector<DrawnBox>& boxes,
                         const std::vector<std::string>& box_ids, BoxFrame frame,
                         const Options& options, TextMeasurer& text, IdMaker& ids) {
    const GraphBoxes& graph = placed.graph;
    const graph::Arrangement& a = graph.arrangement;
    RepeatMarks marks;
    for (std::size_t k = 0; k < a.repeats.size(); ++k) {
        const graph::Repeat& r = a.repeats[k];
        const std::size_t first = graph.index_of(a.spine[r.first]);
        Group ghosts;
        ghosts.id = ids.make(box_ids[first] + "-repeat");
        ghosts.label = "repeated " + std::to_string(r.count) + " times: " + r.scope;
        ghosts.role = Role::repeat;
        for (int copy = 2; copy >= 1; --copy) {
            const double d = kGhostStep * copy;
            for (std::size_t i : placed.units.boxes[k]) {
                const DrawnBox& b = boxes[i];
                if (is_glyph(b)) continue;
                Polygon outline{"ghost", silhouette(layout_box(b, frame)), kGhostFill, kGhostStroke,
                                1};
                for (Point& pt : outline.points) {
                    pt.x += d;
                    pt.y -= d;
                }
                ghosts.items.push_back(std::move(outline));
            }
        }
        marks.ghosts.push_back(std::move(ghosts));
        const RepeatLabel& label = placed.levels.repeat_labels[k];
        const double y = placed.rows[boxes[first].row].y + placed.levels.bracket_y[k];
        Group bracket;
        bracket.id = ids.make(box_ids[first] + "-times");
        bracket.label = repeat_label(r);  // in full, for the SVG title
        bracket.role = Role::annotation;
        bracket.items.push_back(bracket_line(label.bracket_lo, label.bracket_hi, y, options));
        const FontSpec font = annotation_font(options);
        const TextMetrics m = text.measure(label.text, font);
        const double line = static_cast<double>(label.line) * annotation_line_height(text, options);
        const Point baseline{label.left, y + kBracketTick / 2 + m.ascent + line};
        bracket.items.push_back(make_text_run(text, font, label.text, baseline, m.advance,
                                              options.font_color, TextAnchor::middle));
        marks.brackets.push_back(std::move(bracket));
    }
    return marks;
}

}  // namespace strata::layout
