#include "layout/layered/overlay_bounds.hpp"

#include <algorithm>
#include <limits>
#include <variant>

namespace strata::layout {

Rect primitive_bounds(const Primitive& primitive, TextMeasurer& text, const Options& options) {
    Rect r{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
           -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    auto add = [&](double x, double y) {
        r.left = std::min(r.left, x);
        r.top = std::min(r.top, y);
        r.right = std::max(r.right, x);
        r.bottom = std::max(r.bottom, y);
    };
    if (const auto* p = std::get_if<Polygon>(&primitive)) {
        for (const Point& q : p->points) add(q.x, q.y);
    } else if (const auto* l = std::get_if<Polyline>(&primitive)) {
        for (const Point& q : l->points) add(q.x, q.y);
    } else if (const auto* t = std::get_if<TextRun>(&primitive)) {
        const TextMetrics m = text.measure(t->text, FontSpec{options.font, t->font_size});
        add(t->x, t->y - m.ascent);
        add(t->x + std::max(m.advance, m.right), t->y + m.descent);
    }
    return r;
}

void append_bounds(const std::vector<Group>& groups, TextMeasurer& text, const Options& options,
                   std::vector<Rect>& out) {
    for (const Group& g : groups) {
        for (const Primitive& prim : g.items) out.push_back(primitive_bounds(prim, text, options));
    }
}

}  // namespace strata::layout
