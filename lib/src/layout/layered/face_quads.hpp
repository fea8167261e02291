#pragma once

#include <optional>

#include "layout/layered/box_faces.hpp"

namespace strata::layout {

// A face of a box as visualkeras remembers it for logos and images: p0 is the picture's
// top-left corner, p1 its top-right, p3 its bottom-left (§3.5 face quads).
struct FaceQuad {
    Point p0, p1, p2, p3;
};

// The front ('z'), top ('y') or side ('x', right or left when reversed) face of a box.
// Nothing for a top or side face of a flat box, which has only its front. A box turned
// `turn` degrees (orientation_rotation) has its faces turned with it; a face turned away from
// the reader is nothing too, as a picture on it would be drawn over the box.
std::optional<FaceQuad> face_quad(const BoxPlacement& box, char axis,
                                  std::optional<double> turn = std::nullopt);

}  // namespace strata::layout
