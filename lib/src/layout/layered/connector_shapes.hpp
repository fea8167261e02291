#pragma once

#include <vector>

#include "layout/layered/box_faces.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

// The visible outline of a box: front face, top and side faces together (a hexagon; the front
// rectangle for a flat box).
std::vector<Point> silhouette(const BoxPlacement& box);

// A filled triangle whose tip is at `tip`, pointing along (dx, dy) (a unit axis direction).
Polygon arrowhead(Point tip, double dx, double dy, double size, Rgba color);

// A small circle with a plus (sum) or a cross (product) in it, centred at `centre`.
std::vector<Primitive> merge_glyph(Point centre, double radius, bool product, Rgba fill,
                                   Rgba stroke, double stroke_width);

// Moves every point of a primitive by (dx, dy).
void translate(Primitive& primitive, double dx, double dy);

}  // namespace strata::layout
