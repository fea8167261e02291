#include "layout/graph_view/node_shapes.hpp"

#include <cmath>
#include <numbers>

namespace strata::layout {
namespace {

// Enough sides that the polygon strays from the circle by under 0.25 % of its radius.
constexpr int kCircleSides = 48;

Polygon ellipse(const char* name, const NodeBox& box, Rgba fill, Rgba outline) {
    Polygon p{name, {}, fill, outline, 1};
    const double cx = (box.x1 + box.x2) / 2, cy = (box.y1 + box.y2) / 2;
    const double rx = (box.x2 - box.x1) / 2, ry = (box.y2 - box.y1) / 2;
    p.points.reserve(kCircleSides);
    for (int i = 0; i < kCircleSides; ++i) {
        const double angle = 2 * std::numbers::pi * i / kCircleSides;
        p.points.push_back({cx + rx * std::cos(angle), cy + ry * std::sin(angle)});
    }
    return p;
}

}  // namespace

Polygon neuron_shape(const NodeBox& box, Rgba fill, Rgba outline) {
    return ellipse("neuron", box, fill, outline);
}

std::vector<Polygon> ellipsis_shapes(const NodeBox& box, Rgba fill, Rgba outline) {
    const double w = box.x2 - box.x1;
    const double d = std::trunc(w / 7);
    std::vector<Polygon> dots;
    for (int k = 0; k < 3; ++k) {
        const double top = box.y1 + (2 * k + 1) * d;
        dots.push_back(ellipse(
            "ellipsis", {box.x1 + (w - d) / 2, top, box.x1 + (w + d) / 2, top + d}, fill, outline));
    }
    return dots;
}

Polygon box_shape(const NodeBox& box, Rgba fill, Rgba outline) {
    return Polygon{"node",
                   {{box.x1, box.y1}, {box.x2, box.y1}, {box.x2, box.y2}, {box.x1, box.y2}},
                   fill,
                   outline,
                   1};
}

}  // namespace strata::layout
