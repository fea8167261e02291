#pragma once

// Measurements on a finished scene: connector segments that run through a box, text runs that
// overlap, the smallest text; and the checks of a paper-ready figure (plain functions that
// return what offends, one line each): text over a box, a line or another text; a box face
// smaller than N mm or text smaller than N pt at a print scale; a generated label longer than
// 32 characters; anything outside the canvas.

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <variant>
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

// ---- Checks of a paper-ready figure ----

// An axis-aligned extent; empty until something is added.
struct Extent {
    double left = 1e300, top = 1e300, right = -1e300, bottom = -1e300;
    bool empty() const { return left > right; }
    void add(Point p) {
        left = std::min(left, p.x);
        right = std::max(right, p.x);
        top = std::min(top, p.y);
        bottom = std::max(bottom, p.y);
    }
};

// Overlap by more than `touch` on both axes: sharing an edge is not overlapping.
inline bool overlaps(const Extent& a, const Extent& b, double touch = 0.01) {
    return std::min(a.right, b.right) - std::max(a.left, b.left) > touch &&
           std::min(a.bottom, b.bottom) - std::max(a.top, b.top) > touch;
}

// The box the layout gave a text run: its advance by the font's ascent and descent (0.8 and
// 0.2 of its size when the run carries none).
inline Extent text_extent(const TextRun& run) {
    const double ascent = run.ascent > 0 ? run.ascent : 0.8 * run.font_size;
    const double descent = run.ascent > 0 ? run.descent : 0.2 * run.font_size;
    Extent e;
    e.add({run.x, run.y - ascent});
    e.add({run.x + run.advance, run.y + descent});
    return e;
}

// What a primitive covers: a text run its box, a line its points widened by half its stroke,
// a shape its points, an image its placed corners.
inline Extent extent(const Primitive& item) {
    Extent e;
    if (const auto* run = std::get_if<TextRun>(&item)) return text_extent(*run);
    if (const auto* shape = std::get_if<Polygon>(&item)) {
        for (const Point& p : shape->points) e.add(p);
    } else if (const auto* line = std::get_if<Polyline>(&item)) {
        const double half = line->stroke_width / 2;
        for (const Point& p : line->points) {
            e.add({p.x - half, p.y - half});
            e.add({p.x + half, p.y + half});
        }
    } else if (const auto* image = std::get_if<Image>(&item)) {
        const Affine& m = image->transform;
        for (const Point p : {Point{0, 0}, Point{image->width, 0}, Point{0, image->height},
                              Point{image->width, image->height}})
            e.add({m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f});
    }
    return e;
}

// Whether the segment a–b, widened by `half` on each side, crosses the rectangle `r`.
inline bool segment_crosses(Point a, Point b, double half, const Extent& r) {
    const double len = std::hypot(b.x - a.x, b.y - a.y);
    const int steps = std::max(1, static_cast<int>(std::ceil(len * 4)));
    for (int s = 0; s <= steps; ++s) {
        const double t = static_cast<double>(s) / steps;
        Extent dot;
        dot.add({a.x + t * (b.x - a.x) - half, a.y + t * (b.y - a.y) - half});
        dot.add({a.x + t * (b.x - a.x) + half, a.y + t * (b.y - a.y) + half});
        if (overlaps(dot, r)) return true;
    }
    return false;
}

// Text runs over a box or glyph (any filled shape but a group's rectangle, which holds its
// captions by design), over a line, or over another text run: "text / what it is over".
inline std::vector<std::string> texts_over_items(const Scene& scene) {
    std::vector<std::string> hits;
    std::vector<std::pair<const TextRun*, const Group*>> runs;
    for (const Group& g : scene.groups) {
        for (const Primitive& item : g.items) {
            if (const auto* run = std::get_if<TextRun>(&item)) runs.push_back({run, &g});
        }
    }
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const Extent box = text_extent(*runs[i].first);
        const std::string what = "\"" + runs[i].first->text + "\" / ";
        for (const Group& g : scene.groups) {
            for (const Primitive& item : g.items) {
                if (const auto* shape = std::get_if<Polygon>(&item)) {
                    if (g.role != Role::group && overlaps(box, extent(item)))
                        hits.push_back(what + g.id + " " + shape->name);
                } else if (const auto* line = std::get_if<Polyline>(&item)) {
                    for (std::size_t k = 0; k + 1 < line->points.size(); ++k) {
                        if (segment_crosses(line->points[k], line->points[k + 1],
                                            line->stroke_width / 2, box)) {
                            hits.push_back(what + g.id + " " + line->name);
                            break;
                        }
                    }
                }
            }
        }
        for (std::size_t j = i + 1; j < runs.size(); ++j) {
            if (overlaps(box, text_extent(*runs[j].first)))
                hits.push_back(what + "\"" + runs[j].first->text + "\"");
        }
    }
    return hits;
}

// Text runs that an edge of a group's frame crosses (a frame holds its captions, ×N labels and
// title inside or outside it, never on its outline): "text / frame".
inline std::vector<std::string> texts_over_frames(const Scene& scene) {
    std::vector<std::string> hits;
    for (const Group& holder : scene.groups) {
        for (const Primitive& text : holder.items) {
            const auto* run = std::get_if<TextRun>(&text);
            if (!run || run->text.empty()) continue;
            const Extent box = text_extent(*run);
            for (const Group& g : scene.groups) {
                if (g.role != Role::group) continue;
                for (const Primitive& item : g.items) {
                    const auto* frame = std::get_if<Polygon>(&item);
                    if (!frame || frame->points.size() < 2) continue;
                    const std::size_t n = frame->points.size();
                    for (std::size_t k = 0; k < n; ++k) {
                        if (segment_crosses(frame->points[k], frame->points[(k + 1) % n],
                                            frame->stroke_width / 2, box)) {
                            hits.push_back("\"" + run->text + "\" / " + g.id);
                            break;
                        }
                    }
                }
            }
        }
    }
    return hits;
}

// Millimetres and points of `px` scene pixels drawn at `scale` (a FittedScene's scale).
inline double printed_mm(double px, double scale) {
    return px * scale * 25.4 / 96;
}
inline double printed_pt(double px, double scale) {
    return px * scale * 72 / 96;
}

// Boxes whose front face is narrower or lower than `mm` in print: "id w × h mm".
inline std::vector<std::string> box_faces_under(const Scene& scene, double mm, double scale) {
    std::vector<std::string> hits;
    for (const Group& g : scene.groups) {
        if (g.role != Role::layer || !g.box) continue;
        const double w = printed_mm(g.box->x2 - g.box->x1, scale);
        const double h = printed_mm(g.box->y2 - g.box->y1, scale);
        if (std::min(w, h) < mm)
            hits.push_back(g.id + " " + std::to_string(w) + " x " + std::to_string(h) + " mm");
    }
    return hits;
}

// Text runs smaller than `pt` in print: "text size pt".
inline std::vector<std::string> texts_under(const Scene& scene, double pt, double scale) {
    std::vector<std::string> hits;
    for (const Group& g : scene.groups) {
        for (const Primitive& item : g.items) {
            const auto* run = std::get_if<TextRun>(&item);
            if (run && printed_pt(run->font_size, scale) < pt)
                hits.push_back(run->text + " " + std::to_string(printed_pt(run->font_size, scale)) +
                               " pt");
        }
    }
    return hits;
}

// Text runs strata wrote itself (captions, legend entries, brackets' labels, group titles)
// longer than `characters` code points.
inline std::vector<std::string> labels_over(const Scene& scene, std::size_t characters = 32) {
    std::vector<std::string> hits;
    for (const Group& g : scene.groups) {
        for (const Primitive& item : g.items) {
            const auto* run = std::get_if<TextRun>(&item);
            if (!run) continue;
            std::size_t count = 0;
            for (const char c : run->text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
            if (count > characters) hits.push_back(g.id + ": " + run->text);
        }
    }
    return hits;
}

// Items that reach beyond the canvas by more than `slack` pixels: "id name".
inline std::vector<std::string> outside_canvas(const Scene& scene, double slack = 0.01) {
    std::vector<std::string> hits;
    for (const Group& g : scene.groups) {
        for (const Primitive& item : g.items) {
            const Extent e = extent(item);
            if (e.empty()) continue;
            if (e.left < -slack || e.top < -slack || e.right > scene.width + slack ||
                e.bottom > scene.height + slack) {
                const auto* run = std::get_if<TextRun>(&item);
                hits.push_back(g.id + " " + (run ? run->text : std::string("item")));
            }
        }
    }
    return hits;
}

inline std::size_t count_role(const Scene& scene, Role role) {
    return static_cast<std::size_t>(std::count_if(scene.groups.begin(), scene.groups.end(),
                                                  [&](const Group& g) { return g.role == role; }));
}

}  // namespace strata::test
