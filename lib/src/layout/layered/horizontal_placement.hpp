#pragma once

// Where boxes go along the row, left to right: the classic chain spread so that captions do
// not overlap, and a branching model's spine with room for the branches that rejoin it.

#include <cstddef>
#include <vector>

#include "layout/layered/box_frame.hpp"
#include "layout/layered/drawn_box.hpp"
#include "layout/layered/graph_boxes.hpp"
#include "strata/options.hpp"

namespace strata::layout {

// Moves boxes apart just enough that no caption overlaps another caption or a box. Only the
// first `count` boxes (the classic chain, or the spine of a branching model).
void spread_captions(std::vector<DrawnBox>& boxes, std::size_t count, BoxFrame frame,
                     const Options& options);

// Sets the left edge of every box of a branching model (one long row): the spine left to
// right, leaving room for the branches that rejoin it; each branch after its fork box, its
// boxes far enough apart that their captions do not touch.
void place_left_to_right(const GraphBoxes& graph, std::vector<DrawnBox>& boxes, BoxFrame frame,
                         const Options& options);

}  // namespace strata::layout
