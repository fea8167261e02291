#include "layout/decorations/logos.hpp"

#include <algorithm>
#include <cmath>

#include "layout/decorations/image_placement.hpp"

namespace strata::layout {
namespace {

Point operator+(Point a, Point b) {
    return {a.x + b.x, a.y + b.y};
}
Point operator-(Point a, Point b) {
    return {a.x - b.x, a.y - b.y};
}
Point operator*(Point a, double k) {
    return {a.x * k, a.y * k};
}

}  // namespace

int logo_matches(const LogoGroup& logo, const Layer& layer) {
    return static_cast<int>(std::count_if(
        logo.layers.begin(), logo.layers.end(),
        [&](const std::string& entry) { return entry == layer.name || entry == layer.type; }));
}

std::optional<Image> place_logo(const LogoGroup& logo, const Picture& file, const FaceQuad& face,
                                bool linked) {
    const Point vx = face.p1 - face.p0, vy = face.p3 - face.p0;
    const double fw = std::hypot(vx.x, vx.y), fh = std::hypot(vy.x, vy.y);
    if (fw < 1 || fh < 1) return std::nullopt;
    double tw = 0, th = 0;
    if (logo.size_px) {
        tw = logo.size_px->first;
        th = logo.size_px->second;
    } else {
        tw = std::max(1.0, std::trunc(std::min(fw, fh) * logo.size));
        th = std::trunc(tw * file.height / file.width);
    }
    if (tw <= 0 || th <= 0) return std::nullopt;
    const Point lx = vx * (tw / fw), ly = vy * (th / fh);
    const Point px = vx * (logo.padding / fw), py = vy * (logo.padding / fh);
    Point origin = face.p0;
    switch (logo.corner) {
        case Corner::top_left:
            origin = face.p0 + px + py;
            break;
        case Corner::top_right:
            origin = face.p1 - lx - px + py;
            break;
        case Corner::bottom_left:
            origin = face.p3 - ly + px - py;
            break;
        case Corner::bottom_right:
            origin = face.p0 + vx + vy - lx - ly - px - py;
            break;
        case Corner::center:
            origin = face.p0 + (vx + vy) * 0.5 - (lx + ly) * 0.5;
            break;
    }
    return place_image(file, origin, origin + lx, origin + ly, PictureFit::contain, "logo", linked);
}

}  // namespace strata::layout
