#include "emit/cairo_scene.hpp"

#include <variant>
#include <vector>

#include "emit/cairo_image.hpp"
#include "emit/cairo_support.hpp"
#include "emit/cairo_text.hpp"

namespace strata::emit {
namespace {

// SVG's stroke defaults, which the SVG emitter relies on: butt caps, miter joins cut off at
// a miter length of 4 stroke widths.
constexpr double kSvgMiterLimit = 4;

void trace(cairo_t* context, const std::vector<Point>& points, bool closed) {
    cairo_new_path(context);
    for (const Point& p : points) cairo_line_to(context, p.x, p.y);  // the first one moves
    if (closed) cairo_close_path(context);
}

void stroke(cairo_t* context, Rgba color, double width) {
    set_source_color(context, color);
    cairo_set_line_width(context, width);
    cairo_stroke(context);
}

class PrimitivePainter {
  public:
    PrimitivePainter(cairo_t* context, PictureSurfaces& pictures)
        : context_(context), text_(context), pictures_(pictures) {}

    void operator()(const Polygon& polygon) {
        if (polygon.points.empty()) return;
        trace(context_, polygon.points, true);
        // Stroke after fill, so that the outline lies on top of the face, as in SVG.
        if (polygon.fill) {
            set_source_color(context_, *polygon.fill);
            cairo_fill_preserve(context_);
        }
        if (polygon.stroke) stroke(context_, *polygon.stroke, polygon.stroke_width);
        cairo_new_path(context_);
    }

    void operator()(const Polyline& line) {
        if (line.points.empty()) return;
        trace(context_, line.points, false);
        stroke(context_, line.stroke, line.stroke_width);
    }

    void operator()(const TextRun& run) { text_.draw(run); }

    void operator()(const Image& image) { pictures_.paint(context_, image); }

  private:
    cairo_t* context_;
    CairoTextPainter text_;
    PictureSurfaces& pictures_;
};

}  // namespace

void paint_scene(cairo_t* context, const Scene& scene, PictureSurfaces& pictures) {
    cairo_set_antialias(context, CAIRO_ANTIALIAS_DEFAULT);
    cairo_set_line_join(context, CAIRO_LINE_JOIN_MITER);
    cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT);
    cairo_set_miter_limit(context, kSvgMiterLimit);
    cairo_set_fill_rule(context, CAIRO_FILL_RULE_WINDING);
    if (scene.background.a > 0) {
        set_source_color(context, scene.background);
        cairo_rectangle(context, 0, 0, scene.width, scene.height);
        cairo_fill(context);
    }
    PrimitivePainter painter(context, pictures);
    for (const Group& group : scene.groups) {
        for (const Primitive& item : group.items) std::visit(painter, item);
    }
}

}  // namespace strata::emit
