#include "layout/layered/turned_box.hpp"

#include <cmath>
#include <numbers>

namespace strata::layout {

std::array<TurnedCorner, 8> turned_corners(const BoxPlacement& box, double degrees) {
    const double dx = (box.x2 - box.x1) / 2, dy = (box.y2 - box.y1) / 2, dz = box.de / 2;
    const double cx = box.x1 + dx, cy = box.y1 + dy;
    const double yaw = degrees * std::numbers::pi / 180, pitch = -25 * std::numbers::pi / 180;
    const std::array<TurnedCorner, 8> corners{{{-dx, -dy, -dz},
                                               {dx, -dy, -dz},
                                               {dx, dy, -dz},
                                               {-dx, dy, -dz},
                                               {-dx, -dy, dz},
                                               {dx, -dy, dz},
                                               {dx, dy, dz},
                                               {-dx, dy, dz}}};
    std::array<TurnedCorner, 8> seen{};
    for (std::size_t i = 0; i < corners.size(); ++i) {
        const TurnedCorner& v = corners[i];
        const double x1 = v.x * std::cos(yaw) + v.z * std::sin(yaw);
        const double z1 = -v.x * std::sin(yaw) + v.z * std::cos(yaw);
        const double y2 = v.y * std::cos(pitch) - z1 * std::sin(pitch);
        const double z2 = v.y * std::sin(pitch) + z1 * std::cos(pitch);
        seen[i] = {x1 + cx, y2 + cy, z2};
    }
    return seen;
}

}  // namespace strata::layout
