#include "layout/functional/rotated_box.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "layout/layered/turned_box.hpp"

namespace strata::layout::functional {

std::vector<Primitive> rotated_box(const BoxPlacement& box, double degrees, Rgba fill, Rgba outline,
                                   double shade) {
    const std::array<TurnedCorner, 8> seen = turned_corners(box, degrees);
    struct Face {
        const char* name;
        std::array<std::size_t, 4> corners;
        double fade;
    };
    const std::array<Face, 6> faces{{{"front", {0, 1, 2, 3}, 0},
                                     {"back", {5, 4, 7, 6}, 3 * shade},
                                     {"right", {1, 5, 6, 2}, 2 * shade},
                                     {"left", {4, 0, 3, 7}, 2 * shade},
                                     {"top", {4, 5, 1, 0}, shade},
                                     {"bottom", {3, 2, 6, 7}, shade}}};
    std::array<std::pair<double, std::size_t>, 6> order{};
    for (std::size_t f = 0; f < faces.size(); ++f) {
        double z = 0;
        for (std::size_t c : faces[f].corners) z += seen[c].z;
        order[f] = {z / 4, f};
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& l, const auto& r) { return l.first < r.first; });
    std::vector<Primitive> items;
    for (const auto& [depth, f] : order) {
        std::vector<Point> points;
        for (std::size_t c : faces[f].corners) points.push_back({seen[c].x, seen[c].y});
        items.push_back(Polygon{faces[f].name, std::move(points),
                                faces[f].fade > 0 ? fade(fill, faces[f].fade) : fill, outline, 1});
    }
    return items;
}

}  // namespace strata::layout::functional
