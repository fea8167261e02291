#pragma once

#include <array>

#include "layout/layered/box_faces.hpp"

namespace strata::layout {

// A corner of a turned box on the page, with its depth (larger is nearer the reader).
struct TurnedCorner {
    double x = 0, y = 0, z = 0;
};

// visualkeras' turned box (orientation_rotation): the corners of the box whose front face is
// (x1, y1)–(x2, y2) and whose depth is `de`, turned `degrees` about the vertical axis through
// its centre and tipped 25° to show its top, projected straight onto the page. Corners 0–3 are
// the front's top left, top right, bottom right, bottom left; 4–7 the back's, in that order.
std::array<TurnedCorner, 8> turned_corners(const BoxPlacement& box, double degrees);

}  // namespace strata::layout
