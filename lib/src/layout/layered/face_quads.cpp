#include "layout/layered/face_quads.hpp"

#include <array>

#include "layout/layered/turned_box.hpp"

namespace strata::layout {
namespace {

// The face of a turned box, its corners as the unturned face's; nothing when the face is
// turned away: its corners then run the other way round on the page.
std::optional<FaceQuad> turned_face_quad(const BoxPlacement& b, char axis, double degrees) {
    if (axis != 'z' && b.de <= 0) return std::nullopt;
    const std::array<TurnedCorner, 8> c = turned_corners(b, degrees);
    std::array<std::size_t, 4> corners{0, 1, 2, 3};
    if (axis == 'y') corners = {4, 5, 1, 0};
    if (axis == 'x')
        corners = b.reversed ? std::array<std::size_t, 4>{4, 0, 3, 7}
                             : std::array<std::size_t, 4>{1, 5, 6, 2};
    double twice_area = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const TurnedCorner& p = c[corners[i]];
        const TurnedCorner& q = c[corners[(i + 1) % 4]];
        twice_area += p.x * q.y - q.x * p.y;
    }
    if (twice_area <= 0) return std::nullopt;
    const auto at = [&](std::size_t i) { return Point{c[corners[i]].x, c[corners[i]].y}; };
    return FaceQuad{at(0), at(1), at(2), at(3)};
}

}  // namespace

std::optional<FaceQuad> face_quad(const BoxPlacement& b, char axis, std::optional<double> turn) {
    if (turn) return turned_face_quad(b, axis, *turn);
    const double x1 = b.x1, y1 = b.y1, x2 = b.x2, y2 = b.y2, de = b.de;
    if (axis != 'x' && axis != 'y') return FaceQuad{{x1, y1}, {x2, y1}, {x2, y2}, {x1, y2}};
    if (de <= 0) return std::nullopt;
    if (axis == 'y') {
        const double back = b.reversed ? -de : de;
        return FaceQuad{{x1 + back, y1 - de}, {x2 + back, y1 - de}, {x2, y1}, {x1, y1}};
    }
    if (b.reversed) return FaceQuad{{x1 - de, y1 - de}, {x1, y1}, {x1, y2}, {x1 - de, y2 - de}};
    return FaceQuad{{x2, y1}, {x2 + de, y1 - de}, {x2 + de, y2 - de}, {x2, y2}};
}

}  // namespace strata::layout
