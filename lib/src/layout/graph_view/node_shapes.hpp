#pragma once

#include <vector>

#include "strata/scene.hpp"

namespace strata::layout {

// The box a node takes on the canvas.
struct NodeBox {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
};

// The shapes that draw a node, filled and outlined: a circle inscribed in the box (a polygon
// fine enough to look round at any print size), the three dots of an ellipsis (visualkeras'
// sizes: dots a seventh of the width, whole pixels, a dot's height apart), or the box itself.
Polygon neuron_shape(const NodeBox& box, Rgba fill, Rgba outline);
std::vector<Polygon> ellipsis_shapes(const NodeBox& box, Rgba fill, Rgba outline);
Polygon box_shape(const NodeBox& box, Rgba fill, Rgba outline);

}  // namespace strata::layout
