#pragma once

// How the SVG draws a box face whose colour comes from its layer's group: the face inherits the
// group's fill, and a face that is a shade of it gets a semi-transparent black (darker) or
// white (lighter) overlay on top. Setting the group's fill then recolours every face with the
// shading kept. A blend cannot subtract a constant from every channel as visualkeras' shading
// does, so the overlay's opacity is the one that comes closest for the scene's colour.

#include <optional>

#include "strata/color.hpp"

namespace strata::emit {

struct FaceShade {
    Rgba overlay{0, 0, 0, 255};  // black or white
    double opacity = 0;          // 0: the face is the group's colour itself, no overlay
};

// The overlay that turns `group` into `face` (both opaque), its opacity rounded as written;
// nothing when the face is no shade of the group's colour (a channel of the blend would be more
// than kFaceShadeTolerance off) or either colour is translucent.
std::optional<FaceShade> face_shade(Rgba group, Rgba face);

inline constexpr int kFaceShadeTolerance = 32;  // of 255, per channel

}  // namespace strata::emit
