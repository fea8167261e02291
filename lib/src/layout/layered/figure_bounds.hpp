#pragma once

#include <vector>

#include "layout/decorations/caption_spacing.hpp"
#include "layout/layered/drawn_box.hpp"
#include "strata/options.hpp"

namespace strata::layout {

// The block a box's caption takes, for the box's front face top-left corner at (x1, y1):
// centred under the box, or over its top face (an upper caption centred on the normal-mode
// top face even when reversed, as visualkeras does, in compat mode). The box has a caption.
Rect caption_block(const DrawnBox& box, double x1, double y1, const Options& options);

// The reach of the boxes, their captions and `extra` (ghosts, brackets, connectors) in layout
// coordinates: each box's front face starts at left + x_offset (+ its depth when reversed) and
// is centred on its row line cy. In compat mode the depth is left out of the width, as
// visualkeras does (the last back face is clipped).
Rect figure_bounds(const std::vector<DrawnBox>& boxes, double x_offset,
                   const std::vector<Rect>& extra, const Options& options);

}  // namespace strata::layout
