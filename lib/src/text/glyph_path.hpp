#pragma once

#include <array>
#include <vector>

namespace strata {

struct PathPoint {
    double x = 0, y = 0;
    bool operator==(const PathPoint&) const = default;
};

enum class PathVerb { move, line, quad, cubic, close };

// One drawing step of a glyph outline. `points` holds the control points then the end point:
// one for move/line, two for quad, three for cubic, none for close.
struct PathCommand {
    PathVerb verb = PathVerb::move;
    std::array<PathPoint, 3> points{};
    bool operator==(const PathCommand&) const = default;
};

// The outlines of a line of text in pixels, y down, origin at the left end of the ascender
// line (the frame of TextMetrics). Every contour starts with `move` and ends with `close`;
// filled with the non-zero rule.
using TextPath = std::vector<PathCommand>;

}  // namespace strata
