#pragma once

// Where a drawn box lies: in layout coordinates (rows centred on their lines, before the figure
// is moved onto the canvas) and on the canvas.

#include <cstddef>
#include <vector>

#include "layout/graph/arrangement.hpp"
#include "layout/layered/box_faces.hpp"
#include "layout/layered/drawn_box.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

// Boxes on each side of a box whose depth may reach over it.
constexpr std::size_t kDepthReach = 12;

// What turns a box's left edge into its front face in layout coordinates.
struct BoxFrame {
    double x_offset = 0;    // half the first box's depth: the figure starts at its front face
    bool reversed = false;  // depth drawn to the left (draw_reversed)
};

// The frame of `boxes` (not empty) drawn with `reversed` depth.
inline BoxFrame box_frame(const std::vector<DrawnBox>& boxes, bool reversed) {
    return {boxes.front().de / 2, reversed};
}

inline double reversed_share(BoxFrame f) {
    return f.reversed ? 1.0 : 0.0;
}

// Left edge of the front face in layout coordinates.
inline double front_left(const DrawnBox& b, BoxFrame f) {
    return b.left + f.x_offset + reversed_share(f) * b.de;
}

// How far the depth reaches right of the front face.
inline double right_reach(const DrawnBox& b, BoxFrame f) {
    return (1 - reversed_share(f)) * b.de;
}

// A merge glyph (sum, product) stands in for the box.
inline bool is_glyph(const DrawnBox& b) {
    return b.merge == graph::MergeKind::add || b.merge == graph::MergeKind::multiply;
}

// Layout-coordinate geometry of a box once b.cy is set.
inline BoxPlacement layout_box(const DrawnBox& b, BoxFrame f) {
    const double x1 = front_left(b, f), h = b.size.y + b.de;
    return {x1, b.cy - h / 2 + b.de, x1 + b.size.z, b.cy + h / 2, b.de, f.reversed};
}

// Canvas geometry of a box: layout coordinates moved by `shift`.
inline BoxPlacement canvas_box(const DrawnBox& b, BoxFrame f, Point shift) {
    BoxPlacement p;
    p.x1 = front_left(b, f) + shift.x;
    p.x2 = p.x1 + b.size.z;
    const double top_y = shift.y + b.cy - (b.size.y + b.de) / 2;
    p.y1 = top_y + b.de;
    p.y2 = top_y + b.size.y + b.de;
    p.de = b.de;
    p.reversed = f.reversed;
    return p;
}

}  // namespace strata::layout
