// The layered builder's glue to the legend (legend.hpp), the layer groups
// (layer_groups.hpp) and the logos and face images (face_pictures.hpp).

#include "layout/layered/layered_builder.hpp"

#include <iterator>

#include "layout/decorations/legend.hpp"

namespace strata::layout {

// ---- Legend and layer groups (legend.hpp, layer_groups.hpp) ----

std::vector<std::string> LayeredBuilder::drawn_names() const {
    std::vector<std::string> names;
    for (const DrawnBox& b : boxes_) names.push_back(model_.layers[b.layer].name);
    return names;
}

// The boxes around the line y = 0 before the final shift, as the extents are computed.
std::vector<BoxPlacement> LayeredBuilder::layout_placements() const {
    std::vector<BoxPlacement> out;
    for (const DrawnBox& b : boxes_) out.push_back(layout_box(b));
    return out;
}

std::vector<BoxPlacement> LayeredBuilder::placements() const {
    std::vector<BoxPlacement> out;
    for (const DrawnBox& b : boxes_) out.push_back(placement(b));
    return out;
}

// What each box carries beyond its outline, relative to its front face's top-left corner: its
// caption, and in a ×N unit the ghosts behind it and the bracket and label under the unit
// (a group holding the unit must enclose them, or its title lands on the label).
std::vector<std::optional<Rect>> LayeredBuilder::mark_offsets() {
    std::vector<std::optional<Rect>> offsets;
    for (const DrawnBox& b : boxes_) {
        if (!b.caption) {
            offsets.emplace_back();
            continue;
        }
        offsets.push_back(caption_block(b, 0, 0, o_));
    }
    if (!graph_) return offsets;
    for (std::size_t k = 0; k < unit_boxes_.size(); ++k) {
        const graph::Repeat& r = graph_->repeats[k];
        const std::size_t row = box_of(graph_->spine[r.first]).row;
        const TextMetrics m = text_.measure(repeat_label(k), annotation_font());
        const double label_bottom =
            rows_[row].y + bracket_offset_[k] + kBracketTick / 2 + m.ascent + m.descent;
        for (std::size_t i : unit_boxes_[k]) {
            const BoxPlacement p = layout_box(boxes_[i]);
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

void LayeredBuilder::extend_by_groups(double& min_x, double& max_x) {
    Rect bounds{min_x, -top_, max_x, bottom_};
    groups_->extend(layout_placements(), bounds);
    min_x = bounds.left;
    max_x = bounds.right;
    top_ = -bounds.top;
    bottom_ = bounds.bottom;
}

// Group rectangles are painted first but named after the boxes, so that a layer keeps its
// id whether or not groups are drawn.
void LayeredBuilder::emit_group_rectangles(Scene& scene) {
    std::vector<Group> rectangles = groups_->rectangles(placements(), ids_);
    scene.groups.insert(scene.groups.begin(), std::make_move_iterator(rectangles.begin()),
                        std::make_move_iterator(rectangles.end()));
}

// The legend (with the connector kinds of a branching model) goes below the picture; group
// titles are painted after it (§3.7).
void LayeredBuilder::emit_legend_and_group_titles(Scene& scene) {
    std::vector<LegendLayer> drawn;
    for (const DrawnBox& b : boxes_) {
        // Merge glyphs are explained by the legend of the connections instead.
        if (!is_glyph(b)) drawn.push_back({&model_.layers[b.layer], b.fill, b.outline});
    }
    append_legend(scene, drawn, connection_legend_entries(), o_, width_limit_, text_, ids_);
    for (Group& title : groups_->titles(placements(), ids_))
        scene.groups.push_back(std::move(title));
}

// ---- Logos and face images (face_pictures.hpp) ----

void LayeredBuilder::append_pictures(Scene& scene, std::size_t i) {
    const DrawnBox& b = boxes_[i];
    pictures_.append_after_box(scene, model_.layers[b.layer], box_id(i), b.style, placement(b),
                               ids_);
}

}  // namespace strata::layout
