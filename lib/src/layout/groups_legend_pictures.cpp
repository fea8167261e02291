// The layered builder's glue to the legend (legend.hpp), the layer groups
// (layer_groups.hpp) and the logos and face images (face_pictures.hpp).

#include "layout/layered_builder.hpp"

#include <iterator>

#include "layout/legend.hpp"

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
    for (const DrawnBox& b : boxes_) {
        const double x1 = layout_x1(b), h = b.size.y + b.de;
        out.push_back(
            {x1, b.cy - h / 2 + b.de, x1 + b.size.z, b.cy + h / 2, b.de, o_.draw_reversed});
    }
    return out;
}

std::vector<BoxPlacement> LayeredBuilder::placements() const {
    std::vector<BoxPlacement> out;
    for (const DrawnBox& b : boxes_) out.push_back(placement(b));
    return out;
}

// Each caption's block relative to its box's front face top-left corner.
std::vector<std::optional<Rect>> LayeredBuilder::caption_offsets() const {
    std::vector<std::optional<Rect>> offsets;
    for (const DrawnBox& b : boxes_) {
        if (!b.caption) {
            offsets.emplace_back();
            continue;
        }
        offsets.push_back(caption_block(b, 0, 0));
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

// The legend goes below the picture; group titles are painted after it (§3.7).
void LayeredBuilder::emit_legend_and_group_titles(Scene& scene) {
    std::vector<LegendLayer> drawn;
    for (const DrawnBox& b : boxes_) {
        // Merge glyphs are explained by the legend of the connections instead.
        if (!is_glyph(b)) drawn.push_back({&model_.layers[b.layer], b.fill, b.outline});
    }
    append_legend(scene, drawn, o_, text_, ids_);
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
