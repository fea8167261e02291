#include "emit/face_shade.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

#include "emit/number_format.hpp"

namespace strata::emit {

std::optional<FaceShade> face_shade(Rgba group, Rgba face) {
    if (group.a != 255 || face.a != 255) return std::nullopt;
    const std::array<double, 3> g{double(group.r), double(group.g), double(group.b)};
    const std::array<double, 3> f{double(face.r), double(face.g), double(face.b)};
    if (g == f) return FaceShade{};
    // Blending towards `target` by opacity a gives g + a (target - g): the least-squares a over
    // the three channels.
    const bool darker = f[0] + f[1] + f[2] < g[0] + g[1] + g[2];
    const double target = darker ? 0 : 255;
    double along = 0, length = 0;
    for (std::size_t i = 0; i < 3; ++i) {
        along += (target - g[i]) * (f[i] - g[i]);
        length += (target - g[i]) * (target - g[i]);
    }
    if (length <= 0) return std::nullopt;
    const double opacity = round_number(std::clamp(along / length, 0.0, 1.0));
    if (opacity <= 0) return std::nullopt;
    for (std::size_t i = 0; i < 3; ++i) {
        const double blended = g[i] + opacity * (target - g[i]);
        if (std::fabs(blended - f[i]) > kFaceShadeTolerance) return std::nullopt;
    }
    const auto t = static_cast<std::uint8_t>(target);
    return FaceShade{{t, t, t, 255}, opacity};
}

}  // namespace strata::emit
