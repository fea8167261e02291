#include "layout/decorations/image_placement.hpp"

#include <algorithm>
#include <cmath>

namespace strata::layout {

PictureFit image_fit_from(strata::ImageFit fit) {
    switch (fit) {
        case strata::ImageFit::contain:
            return PictureFit::contain;
        case strata::ImageFit::cover:
            return PictureFit::cover;
        case strata::ImageFit::fill:
        case strata::ImageFit::match_aspect:
            break;
    }
    return PictureFit::fill;
}

Image place_image(const Picture& file, Point p0, Point p1, Point p3, PictureFit fit,
                  std::string name, bool linked) {
    const double tw = std::hypot(p1.x - p0.x, p1.y - p0.y);
    const double th = std::hypot(p3.x - p0.x, p3.y - p0.y);
    const double iw = file.width, ih = file.height;
    // The picture's box inside the target, in target pixels: offset (ox, oy), size nw × nh.
    double ox = 0, oy = 0, nw = tw, nh = th;
    if (fit != PictureFit::fill && tw > 0 && th > 0) {
        const double sx = tw / iw, sy = th / ih;
        const double s = fit == PictureFit::contain ? std::min(sx, sy) : std::max(sx, sy);
        nw = iw * s;
        nh = ih * s;
        ox = (tw - nw) / 2;
        oy = (th - nh) / 2;
    }
    // Unit vectors of the target's axes on the canvas.
    const Point ex = tw > 0 ? Point{(p1.x - p0.x) / tw, (p1.y - p0.y) / tw} : Point{1, 0};
    const Point ey = th > 0 ? Point{(p3.x - p0.x) / th, (p3.y - p0.y) / th} : Point{0, 1};
    Image image;
    image.name = std::move(name);
    image.file = file.file;
    image.mime_type = file.mime_type;
    image.linked = linked;
    image.data = file.data;
    image.width = iw;
    image.height = ih;
    const double kx = nw / iw, ky = nh / ih;
    image.transform = Affine{ex.x * kx,
                             ex.y * kx,
                             ey.x * ky,
                             ey.y * ky,
                             p0.x + ox * ex.x + oy * ey.x,
                             p0.y + ox * ex.y + oy * ey.y};
    constexpr double kOverflow = 1e-9;
    if (fit == PictureFit::cover && (ox < -kOverflow || oy < -kOverflow)) {
        const Point p2{p1.x + p3.x - p0.x, p1.y + p3.y - p0.y};
        image.clip = {p0, p1, p2, p3};
    }
    return image;
}

}  // namespace strata::layout
