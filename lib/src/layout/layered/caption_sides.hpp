#pragma once

// Which side of its box a caption of a branching model takes, and how far it keeps from what
// is drawn there besides the box: connector legs and ghost outlines.

#include <vector>

#include "layout/layered/drawn_box.hpp"
#include "layout/layered/graph_boxes.hpp"
#include "layout/layered/repeat_units.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"

namespace strata::layout {

// Captions above and below in turn: one that would stand above a box where a skip's or bus's
// leg meets its top or a neighbour's (the leg would cross it) goes below, unless a lane's leg
// leaves its bottom or the layer is one of `captions_above`; there it stands under the captions
// below its neighbours, so that captions keep the room of two boxes.
void keep_alternate_captions_off_skip_legs(const GraphBoxes& graph, std::vector<DrawnBox>& boxes,
                                           const Model& model, const Options& options);

// A spine box that a lane leaves from below or joins from below has a leg of its connector
// dropping from its bottom, through where a caption below it would be: such a box is marked
// (`legs_below`, which keeps the captions of its neighbours clear of the legs) and its caption
// goes above it instead, or when a skip or bus leg meets its top (it would cross that one
// then), it stays below, moved right of the box's front face.
void move_captions_off_lane_legs(const GraphBoxes& graph, std::vector<DrawnBox>& boxes);

// The ghost outlines of a folded repeat stand up and to the right of its boxes: captions above
// the boxes of a row that holds one keep clear of them, all of the row's by the same height,
// so that they still share one band.
void lift_captions_over_ghosts(const GraphBoxes& graph, const RepeatUnits& units,
                               std::vector<DrawnBox>& boxes);

}  // namespace strata::layout
