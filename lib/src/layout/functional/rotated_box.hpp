#pragma once

#include <vector>

#include "layout/layered/box_faces.hpp"
#include "strata/scene.hpp"

namespace strata::layout::functional {

// visualkeras' turned box (orientation_rotation): the box whose front face is (x1, y1)–(x2, y2)
// and whose depth is `de`, turned `degrees` about the vertical axis through its centre and
// tipped 25° to show its top, projected straight onto the page; its six faces painted from
// the farthest to the nearest, the front in `fill`, top and bottom faded by `shade`, the sides
// by twice that, the back by three times.
std::vector<Primitive> rotated_box(const BoxPlacement& box, double degrees, Rgba fill, Rgba outline,
                                   double shade);

}  // namespace strata::layout::functional
