#include "layout/layered/drawn_layers.hpp"

namespace strata::layout {

std::vector<std::string> drawn_names(const std::vector<DrawnBox>& boxes, const Model& model) {
    std::vector<std::string> names;
    for (const DrawnBox& b : boxes) names.push_back(model.layers[b.layer].name);
    return names;
}

std::vector<std::string> box_ids(const std::vector<DrawnBox>& boxes, const Model& model,
                                 IdMaker& ids) {
    std::vector<std::string> out;
    for (const DrawnBox& b : boxes) out.push_back(ids.make(model.layers[b.layer].name));
    return out;
}

std::vector<LegendLayer> legend_layers(const std::vector<DrawnBox>& boxes, const Model& model) {
    std::vector<LegendLayer> drawn;
    for (const DrawnBox& b : boxes) {
        if (!is_glyph(b)) drawn.push_back({&model.layers[b.layer], b.fill, b.outline});
    }
    return drawn;
}

std::vector<BoxPlacement> canvas_boxes(const std::vector<DrawnBox>& boxes, BoxFrame frame,
                                       Point shift) {
    std::vector<BoxPlacement> out;
    for (const DrawnBox& b : boxes) out.push_back(canvas_box(b, frame, shift));
    return out;
}

}  // namespace strata::layout
