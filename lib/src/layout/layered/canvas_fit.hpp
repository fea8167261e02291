#pragma once

// The canvas a placed figure needs: its size, and the shift that moves layout coordinates onto
// it with the padding on every side.

#include <vector>

#include "layout/decorations/caption_spacing.hpp"
#include "layout/decorations/layer_groups.hpp"
#include "layout/layered/box_frame.hpp"
#include "layout/layered/drawn_box.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

struct CanvasFit {
    double width = 0, height = 0;  // px, whole
    Point shift;                   // layout → canvas
};

// The canvas of `boxes` with their captions, `extra` (ghosts, brackets, connectors) and the
// rectangles and titles of `groups`. visualkeras has no vertical padding (compat mode): the
// tallest box touches both edges.
CanvasFit canvas_fit(const std::vector<DrawnBox>& boxes, BoxFrame frame,
                     const std::vector<Rect>& extra, const LayerGroups& groups,
                     const Options& options);

}  // namespace strata::layout
