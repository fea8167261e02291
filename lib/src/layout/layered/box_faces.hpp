#pragma once

#include <vector>

#include "strata/scene.hpp"

namespace strata::layout {

// A box as visualkeras draws it: front face [x1,x2]×[y1,y2] and an oblique depth offset `de`
// going up-right (or up-left when reversed).
struct BoxPlacement {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0, de = 0;
    bool reversed = false;
};

// Darkens a colour by subtracting `amount` from each channel (clamped at 0), alpha kept.
Rgba fade(Rgba color, double amount);

// The primitives of one box in paint order: hidden back edges, top face, side face, front face
// (a flat box is its front face only).
std::vector<Primitive> box_primitives(const BoxPlacement& box, Rgba fill, Rgba outline,
                                      double shade);

// What makes a box that stands for a block or a stage (levels of detail) visibly a block, in grey
// print as in colour: a second outline inset in its front face (an unfilled polygon named "inset"),
// by a fifth of the face's smaller side, at most 3 px.
Polygon block_inset(const BoxPlacement& box, Rgba outline);

}  // namespace strata::layout
