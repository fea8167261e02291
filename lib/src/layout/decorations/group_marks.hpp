#pragma once

// What each box carries beyond its outline that a layer group holding it must enclose, or its
// title lands on it: its caption, and in a ×N unit the ghosts behind it and the bracket and
// label under the unit.

#include <optional>
#include <vector>

#include "layout/decorations/caption_spacing.hpp"
#include "layout/layered/box_frame.hpp"
#include "layout/layered/branching_layout.hpp"
#include "layout/layered/drawn_box.hpp"
#include "strata/options.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

// One entry per box, relative to its front face's top-left corner; nullopt for a box that
// carries nothing. `placed`: the branching layout, or null for the classic chain.
std::vector<std::optional<Rect>> group_marks(const std::vector<DrawnBox>& boxes,
                                             const BranchingLayout* placed, BoxFrame frame,
                                             const Options& options, TextMeasurer& text);

// What a lane box's connectors take beside it, which a group's title must not land on: one
// entry per box (nullopt for a spine box or a figure without lanes), relative to its front
// face's top-left corner, reaching from the fork it leaves to the join it enters along the
// lane. `placed`: the branching layout, or null for the classic chain.
std::vector<std::optional<Rect>> lane_reaches(const std::vector<DrawnBox>& boxes,
                                              const BranchingLayout* placed, BoxFrame frame);

}  // namespace strata::layout
