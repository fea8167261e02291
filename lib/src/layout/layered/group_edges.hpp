#pragma once

// Room at the edges of group frames (an expanded block's, or any of layered_groups): what a box
// outside a frame writes beside it (its caption, the ×N label of its unit) keeps off the
// frame's outline, which lies a padding beyond the captions and labels of the boxes inside.

#include <vector>

#include "layout/layered/box_frame.hpp"
#include "layout/layered/drawn_box.hpp"
#include "layout/layered/graph_boxes.hpp"
#include "layout/layered/repeat_units.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

// Moves the spine boxes from each group edge on (and every box right of it) right, so that
// the captions and ×N labels on either side of the edge stand half a font size clear of the
// frames there. Boxes placed left to right, one line (before rows are wrapped).
void make_room_at_group_edges(const GraphBoxes& graph, const RepeatUnits& units,
                              std::vector<DrawnBox>& boxes, BoxFrame frame, const Model& model,
                              const Options& options, TextMeasurer& text);

}  // namespace strata::layout
