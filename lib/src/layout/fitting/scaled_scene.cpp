#include "layout/fitting/scaled_scene.hpp"

#include <variant>

namespace strata::layout {
namespace {

void scale_points(std::vector<Point>& points, double factor) {
    for (Point& p : points) {
        p.x *= factor;
        p.y *= factor;
    }
}

struct ScaleItem {
    double factor;
    void operator()(Polygon& polygon) const {
        scale_points(polygon.points, factor);
        polygon.stroke_width *= factor;
    }
    void operator()(Polyline& line) const {
        scale_points(line.points, factor);
        line.stroke_width *= factor;
    }
    void operator()(TextRun& run) const {
        run.font_size *= factor;
        run.x *= factor;
        run.y *= factor;
        run.advance *= factor;
        for (Glyph& glyph : run.glyphs) {
            glyph.x *= factor;
            glyph.y *= factor;
        }
    }
    void operator()(Image& image) const {
        // The picture's own pixel box stays; its map onto the canvas is scaled.
        Affine& t = image.transform;
        t.a *= factor;
        t.b *= factor;
        t.c *= factor;
        t.d *= factor;
        t.e *= factor;
        t.f *= factor;
        scale_points(image.clip, factor);
    }
};

}  // namespace

Scene scaled_scene(Scene scene, double factor) {
    if (factor == 1) return scene;
    scene.width *= factor;
    scene.height *= factor;
    for (Group& group : scene.groups) {
        if (group.box) {
            BoxGeometry& box = *group.box;
            box.x1 *= factor;
            box.y1 *= factor;
            box.x2 *= factor;
            box.y2 *= factor;
            box.de *= factor;
        }
        for (Primitive& item : group.items) std::visit(ScaleItem{factor}, item);
    }
    return scene;
}

}  // namespace strata::layout
