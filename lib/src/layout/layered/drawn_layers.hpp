#pragma once

// The drawn boxes as the parts outside the layered layout see them: layer names, ids, legend
// entries, canvas geometry.

#include <string>
#include <vector>

#include "layout/decorations/legend.hpp"
#include "layout/layered/box_faces.hpp"
#include "layout/layered/box_frame.hpp"
#include "layout/layered/drawn_box.hpp"
#include "layout/layered/ids.hpp"
#include "strata/model.hpp"

namespace strata::layout {

// The layer name of each box, in box order.
std::vector<std::string> drawn_names(const std::vector<DrawnBox>& boxes, const Model& model);

// The id of each box, made from its layer name in box order before any other id, so that a
// layer keeps its id whatever else the figure holds.
std::vector<std::string> box_ids(const std::vector<DrawnBox>& boxes, const Model& model,
                                 IdMaker& ids);

// The layers the legend explains: every box but the merge glyphs (the legend of the
// connections explains those).
std::vector<LegendLayer> legend_layers(const std::vector<DrawnBox>& boxes, const Model& model);

// Each box's geometry on the canvas.
std::vector<BoxPlacement> canvas_boxes(const std::vector<DrawnBox>& boxes, BoxFrame frame,
                                       Point shift);

}  // namespace strata::layout
