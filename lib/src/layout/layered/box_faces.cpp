#include "layout/layered/box_faces.hpp"

#include <algorithm>
#include <cmath>

namespace strata::layout {
namespace {

std::uint8_t darker(std::uint8_t channel, double amount) {
    return static_cast<std::uint8_t>(std::clamp(std::floor(channel - amount), 0.0, 255.0));
}

Polyline edge(Point from, Point to, Rgba outline) {
    return Polyline{"edge", {from, to}, outline, 1};
}

Polygon face(const char* name, std::vector<Point> points, Rgba fill, Rgba outline) {
    return Polygon{name, std::move(points), fill, outline, 1};
}

}  // namespace

Rgba fade(Rgba c, double amount) {
    return {darker(c.r, amount), darker(c.g, amount), darker(c.b, amount), c.a};
}

std::vector<Primitive> box_primitives(const BoxPlacement& b, Rgba fill, Rgba outline,
                                      double shade) {
    Polygon front =
        face("front", {{b.x1, b.y1}, {b.x2, b.y1}, {b.x2, b.y2}, {b.x1, b.y2}}, fill, outline);
    if (b.de <= 0) return {front};

    const double de = b.de;
    std::vector<Primitive> items;
    if (!b.reversed) {
        // The back edges hidden behind the faces; they show through translucent fills.
        items.push_back(edge({b.x1 + de, b.y1 - de}, {b.x1 + de, b.y2 - de}, outline));
        items.push_back(edge({b.x1 + de, b.y2 - de}, {b.x1, b.y2}, outline));
        items.push_back(edge({b.x1 + de, b.y2 - de}, {b.x2 + de, b.y2 - de}, outline));
        items.push_back(face(
            "top", {{b.x1, b.y1}, {b.x1 + de, b.y1 - de}, {b.x2 + de, b.y1 - de}, {b.x2, b.y1}},
            fade(fill, shade), outline));
        items.push_back(face(
            "side", {{b.x2 + de, b.y1 - de}, {b.x2, b.y1}, {b.x2, b.y2}, {b.x2 + de, b.y2 - de}},
            fade(fill, 2 * shade), outline));
    } else {
        items.push_back(edge({b.x2 - de, b.y1 - de}, {b.x2 - de, b.y2 - de}, outline));
        items.push_back(edge({b.x2 - de, b.y2 - de}, {b.x2, b.y2}, outline));
        items.push_back(edge({b.x1 - de, b.y2 - de}, {b.x2 - de, b.y2 - de}, outline));
        items.push_back(face(
            "top", {{b.x1, b.y1}, {b.x1 - de, b.y1 - de}, {b.x2 - de, b.y1 - de}, {b.x2, b.y1}},
            fade(fill, shade), outline));
        items.push_back(face(
            "side", {{b.x1 - de, b.y1 - de}, {b.x1, b.y1}, {b.x1, b.y2}, {b.x1 - de, b.y2 - de}},
            fade(fill, 2 * shade), outline));
    }
    items.push_back(std::move(front));
    return items;
}

Polygon block_inset(const BoxPlacement& b, Rgba outline) {
    constexpr double kShareOfSide = 0.2, kMostPx = 3;
    const double inset = std::min(kShareOfSide * std::min(b.x2 - b.x1, b.y2 - b.y1), kMostPx);
    const double x1 = b.x1 + inset, x2 = b.x2 - inset, y1 = b.y1 + inset, y2 = b.y2 - inset;
    return Polygon{"inset", {{x1, y1}, {x2, y1}, {x2, y2}, {x1, y2}}, std::nullopt, outline, 1};
}

}  // namespace strata::layout
