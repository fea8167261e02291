#include "layout/fitting/legend_shrink.hpp"

#include <algorithm>
#include <limits>
#include <utility>
#include <variant>

namespace strata::layout {
namespace {

// A text run's size and metrics divided by `factor`, where it stands left to the caller.
void divide_text_sizes(TextRun& run, double factor) {
    run.font_size /= factor;
    run.advance /= factor;
    run.ascent /= factor;
    run.descent /= factor;
    for (Glyph& glyph : run.glyphs) {
        glyph.x /= factor;
        glyph.y /= factor;
    }
}

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Span {
    double left = kInf, right = -kInf, top = kInf, bottom = -kInf;
    void add(double x_left, double x_right, double y_top, double y_bottom) {
        left = std::min(left, x_left);
        right = std::max(right, x_right);
        top = std::min(top, y_top);
        bottom = std::max(bottom, y_bottom);
    }
};

// Where a primitive reaches: its left and right, its top and its bottom (lines widened by half
// their stroke).
void reach(const Primitive& item, Span& span) {
    if (const auto* run = std::get_if<TextRun>(&item)) {
        span.add(run->x, run->x + run->advance, run->y - run->ascent, run->y + run->descent);
    } else if (const auto* shape = std::get_if<Polygon>(&item)) {
        for (const Point& p : shape->points) span.add(p.x, p.x, p.y, p.y);
    } else if (const auto* line = std::get_if<Polyline>(&item)) {
        const double half = line->stroke_width / 2;
        for (const Point& p : line->points)
            span.add(p.x - half, p.x + half, p.y - half, p.y + half);
    } else if (const auto* image = std::get_if<Image>(&item)) {
        const Affine& m = image->transform;
        for (const Point& p : {Point{0, 0}, Point{image->width, 0}, Point{0, image->height},
                               Point{image->width, image->height}}) {
            const double x = m.a * p.x + m.c * p.y + m.e, y = m.b * p.x + m.d * p.y + m.f;
            span.add(x, x, y, y);
        }
    }
}

// Every coordinate and size of a primitive divided by `factor` about `origin`.
struct ShrinkAbout {
    Point origin;
    double factor;
    Point at(Point p) const {
        return {origin.x + (p.x - origin.x) / factor, origin.y + (p.y - origin.y) / factor};
    }
    void operator()(Polygon& shape) const {
        for (Point& p : shape.points) p = at(p);
        shape.stroke_width /= factor;
    }
    void operator()(Polyline& line) const {
        for (Point& p : line.points) p = at(p);
        line.stroke_width /= factor;
    }
    void operator()(TextRun& run) const {
        const Point p = at({run.x, run.y});
        run.x = p.x;
        run.y = p.y;
        divide_text_sizes(run, factor);
    }
    void operator()(Image& image) const {
        Affine& m = image.transform;
        const Point e = at({m.e, m.f});
        m.a /= factor;
        m.b /= factor;
        m.c /= factor;
        m.d /= factor;
        m.e = e.x;
        m.f = e.y;
        for (Point& p : image.clip) p = at(p);
    }
};

// The extent of the legend and of everything else.
std::pair<Span, Span> legend_and_rest(const Scene& scene) {
    Span legend, rest;
    for (const Group& group : scene.groups) {
        for (const Primitive& item : group.items)
            reach(item, group.role == Role::legend ? legend : rest);
    }
    return {legend, rest};
}

}  // namespace

double legend_height_given_up(const Scene& scene) {
    const auto [legend, rest] = legend_and_rest(scene);
    return legend.left == kInf || rest.bottom > legend.top ? 0 : legend.bottom - legend.top;
}

void shrink_about_anchor(TextRun& run, double factor) {
    const double anchor = anchor_x(run);
    divide_text_sizes(run, factor);
    run.x = anchor - (anchor_x(run) - run.x);
}

Scene legend_shrunk(Scene scene, double factor) {
    if (factor == 1) return scene;
    const double given_up = legend_height_given_up(scene);
    const auto [legend, rest] = legend_and_rest(scene);
    if (legend.left == kInf) return scene;
    // A legend right of everything else is centred on the picture's height, and stays so.
    const bool beside = legend.left >= rest.right;
    const double anchor_y = beside ? (legend.top + legend.bottom) / 2 : legend.top;
    const ShrinkAbout shrink{{legend.left, anchor_y}, factor};
    for (Group& group : scene.groups) {
        if (group.role != Role::legend) continue;
        for (Primitive& item : group.items) std::visit(shrink, item);
    }
    scene.height = std::max(0.0, scene.height - given_up * (1 - 1 / factor));
    return scene;
}

}  // namespace strata::layout
