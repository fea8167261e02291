#include "layout/layered/connector_shapes.hpp"

#include <cmath>
#include <numbers>

namespace strata::layout {

std::vector<Point> silhouette(const BoxPlacement& b) {
    if (b.de <= 0) return {{b.x1, b.y1}, {b.x2, b.y1}, {b.x2, b.y2}, {b.x1, b.y2}};
    if (b.reversed) {
        return {{b.x1, b.y2},
                {b.x1 - b.de, b.y2 - b.de},
                {b.x1 - b.de, b.y1 - b.de},
                {b.x2 - b.de, b.y1 - b.de},
                {b.x2, b.y1},
                {b.x2, b.y2}};
    }
    return {{b.x1, b.y2},
            {b.x1, b.y1},
            {b.x1 + b.de, b.y1 - b.de},
            {b.x2 + b.de, b.y1 - b.de},
            {b.x2 + b.de, b.y2 - b.de},
            {b.x2, b.y2}};
}

Polygon arrowhead(Point tip, double dx, double dy, double size, Rgba color) {
    // The base is `size` behind the tip, half as wide on each side.
    const Point base{tip.x - dx * size, tip.y - dy * size};
    const double nx = -dy * size / 2, ny = dx * size / 2;
    return Polygon{"arrowhead",
                   {tip, {base.x + nx, base.y + ny}, {base.x - nx, base.y - ny}},
                   color,
                   std::nullopt,
                   1};
}

std::vector<Primitive> merge_glyph(Point c, double r, bool product, Rgba fill, Rgba stroke,
                                   double stroke_width) {
    constexpr int kSides = 32;
    Polygon circle{"circle", {}, fill, stroke, stroke_width};
    for (int i = 0; i < kSides; ++i) {
        const double t = 2 * std::numbers::pi * i / kSides;
        circle.points.push_back({c.x + r * std::cos(t), c.y + r * std::sin(t)});
    }
    std::vector<Primitive> out{circle};
    const double arm = product ? r * 0.5 : r * 0.6;
    if (product) {
        out.push_back(Polyline{
            "cross-a", {{c.x - arm, c.y - arm}, {c.x + arm, c.y + arm}}, stroke, stroke_width});
        out.push_back(Polyline{
            "cross-b", {{c.x - arm, c.y + arm}, {c.x + arm, c.y - arm}}, stroke, stroke_width});
    } else {
        out.push_back(
            Polyline{"plus-h", {{c.x - arm, c.y}, {c.x + arm, c.y}}, stroke, stroke_width});
        out.push_back(
            Polyline{"plus-v", {{c.x, c.y - arm}, {c.x, c.y + arm}}, stroke, stroke_width});
    }
    return out;
}

void translate(Primitive& primitive, double dx, double dy) {
    std::visit(
        [&](auto& p) {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, Polygon> || std::is_same_v<T, Polyline>) {
                for (Point& q : p.points) {
                    q.x += dx;
                    q.y += dy;
                }
            } else if constexpr (std::is_same_v<T, TextRun>) {
                p.x += dx;
                p.y += dy;
            } else {
                p.transform.e += dx;
                p.transform.f += dy;
                for (Point& q : p.clip) {
                    q.x += dx;
                    q.y += dy;
                }
            }
        },
        primitive);
}

}  // namespace strata::layout
