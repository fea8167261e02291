#pragma once

// Measurements on a finished scene: connector segments that run through a box, text runs that
// overlap, the smallest text.

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "strata/scene.hpp"

namespace strata::test {

// The visible outline of a box (front, top and side faces), normal depth direction.
inline std::vector<Point> box_outline(const BoxGeometry& b) {
    if (b.de <= 0) return {{b.x1, b.y1}, {b.x2, b.y1}, {b.x2, b.y2}, {b.x1, b.y2}};
    return {{b.x1, b.y2},
            {b.x1, b.y1},
            {b.x1 + b.de, b.y1 - b.de},
            {b.x2 + b.de, b.y1 - b.de},
            {b.x2 + b.de, b.y2 - b.de},
            {b.x2, b.y2}};
}

// True when p lies inside the convex polygon by more than `margin` from every edge.
inline bool deep_inside(const std::vector<Point>& poly, Point p, double margin) {
    const std::size_t n = poly.size();
    double sign = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Point a = poly[i], b = poly[(i + 1) % n];
        const double ex = b.x - a.x, ey = b.y - a.y, len = std::hypot(ex, ey);
        if (len < 1e-9) continue;
        const double d = (ex * (p.y - a.y) - ey * (p.x - a.x)) / len;  // signed distance
        if (std::abs(d) <= margin) return false;
        if (sign == 0) sign = d > 0 ? 1 : -1;
        if ((d > 0 ? 1 : -1) != sign) return false;
    }
    return true;
}

// Connector segments (role connector) that pass through the outline of any box or merge glyph.
inline std::vector<std::string> connectors_through_boxes(const Scene& scene) {
    std::vector<std::vector<Point>> outlines;
    std::vector<std::string> owners;
    for (const Group& g : scene.groups) {
        if (g.role == Role::merge) {  // the glyph's circle
            for (const Primitive& prim : g.items) {
                const auto* circle = std::get_if<Polygon>(&prim);
                if (!circle || circle->name != "circle") continue;
                outlines.push_back(circle->points);
                owners.push_back(g.id);
            }
        } else if (g.role == Role::layer && g.box) {
            outlines.push_back(box_outline(*g.box));
            owners.push_back(g.id);
        }
    }
    std::vector<std::string> hits;
    for (const Group& g : scene.groups) {
        if (g.role != Role::connector) continue;
        for (const Primitive& prim : g.items) {
            const auto* line = std::get_if<Polyline>(&prim);
            if (!line) continue;
            for (std::size_t i = 0; i + 1 < line->points.size(); ++i) {
                const Point a = line->points[i], b = line->points[i + 1];
                const double len = std::hypot(b.x - a.x, b.y - a.y);
                const int steps = std::max(1, static_cast<int>(len));
                std::string hit;
                for (int s = 0; s <= steps && hit.empty(); ++s) {
                    const double t = static_cast<double>(s) / steps;
                    const Point p{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
                    for (std::size_t k = 0; k < outlines.size(); ++k) {
                        if (deep_inside(outlines[k], p, 0.5)) {
                            hit = g.id + " (" + std::to_string(a.x) + "," + std::to_string(a.y) +
                                  ")-(" + std::to_string(b.x) + "," + std::to_string(b.y) +
                                  ") through " + owners[k];
                            break;
                        }
                    }
                }
                if (!hit.empty()) hits.push_back(hit);
            }
        }
    }
    return hits;
}

struct TextBox {
    std::string text;
    double left, top, right, bottom;
};

inline std::vector<TextBox> text_boxes(const Scene& scene) {
    std::vector<TextBox> out;
    for (const Group& g : scene.groups) {
        for (const Primitive& prim : g.items) {
            if (const auto* t = std::get_if<TextRun>(&prim)) {
                out.push_back({t->text, t->x, t->y - 0.8 * t->font_size, t->x + t->advance,
                               t->y + 0.2 * t->font_size});
            }
        }
    }
    return out;
}

// Pairs of text runs whose boxes overlap by more than half a pixel, as "a / b".
inline std::vector<std::string> overlapping_texts(const Scene& scene) {
    const std::vector<TextBox> boxes = text_boxes(scene);
    std::vector<std::string> overlaps;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        for (std::size_t j = i + 1; j < boxes.size(); ++j) {
            const TextBox& a = boxes[i];
            const TextBox& b = boxes[j];
            if (std::min(a.right, b.right) - std::max(a.left, b.left) > 0.5 &&
                std::min(a.bottom, b.bottom) - std::max(a.top, b.top) > 0.5)
                overlaps.push_back(a.text + " / " + b.text);
        }
    }
    return overlaps;
}

inline std::size_t text_overlaps(const Scene& scene) {
    const std::vector<std::string> pairs = overlapping_texts(scene);
    for (const std::string& p : pairs) BOOST_TEST_MESSAGE("overlap: " << p);
    return pairs.size();
}

inline double smallest_text(const Scene& scene) {
    double smallest = 1e9;
    for (const Group& g : scene.groups) {
        for (const Primitive& prim : g.items) {
            if (const auto* t = std::get_if<TextRun>(&prim))
                smallest = std::min(smallest, t->font_size);
        }
    }
    return smallest;
}

inline std::size_t count_role(const Scene& scene, Role role) {
    return static_cast<std::size_t>(std::count_if(scene.groups.begin(), scene.groups.end(),
                                                  [&](const Group& g) { return g.role == role; }));
}

}  // namespace strata::test
