#include "layout/layered/face_quads.hpp"

namespace strata::layout {

std::optional<FaceQuad> face_quad(const BoxPlacement& b, char axis) {
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
