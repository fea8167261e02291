#pragma once

// Where the connectors of a branching model meet the boxes: points on a box's outline, or in
// the gap beside it, from which a line leaves clear of the neighbouring boxes. Given the placed
// boxes (layout coordinates, rows stacked).

#include <cstddef>
#include <optional>
#include <vector>

#include "layout/layered/box_frame.hpp"
#include "layout/layered/drawn_box.hpp"
#include "layout/layered/row_wrapping.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

// Where a line leaves box b to the right: the middle of its right outline.
Point exit_port(const DrawnBox& b, BoxFrame frame);

// Where a line enters box b from the left: the middle of its front face's left edge.
Point entry_port(const DrawnBox& b, BoxFrame frame);

class BoxPorts {
  public:
    // `boxes`: the placed boxes, of which [0, spine_boxes) are the spine in order; `spacing`:
    // how far a port may reach into the gap after a row's last box or before its first.
    BoxPorts(const std::vector<DrawnBox>& boxes, std::size_t spine_boxes, BoxFrame frame,
             double spacing)
        : boxes_(boxes), spine_boxes_(spine_boxes), frame_(frame), spacing_(spacing) {}
    // The ports refer to the boxes: they must outlive them.
    BoxPorts(std::vector<DrawnBox>&&, std::size_t, BoxFrame, double) = delete;

    // The end of a line rising from box i to far_y (`leaving`) or coming down into it: a point
    // of its top outline near `fraction` of its width, or when a neighbour's outline covers all
    // of it, a point in the gap beside the box reached along the top line (right of the box
    // when leaving, left when arriving). In path order.
    std::vector<Point> top_leg(std::size_t i, double fraction, double far_y, bool leaving) const;

    // The start of a line dropping from box i to far_y (or, reversed, its end): a point of its
    // front-bottom edge, or when every such point is hidden under a neighbour's outline, a
    // point on the bottom line extended into the gap beside the box, reached along that line.
    std::vector<Point> bottom_leg(std::size_t i, double fraction, double far_y) const;

    Point exit_port(std::size_t i) const { return layout::exit_port(boxes_[i], frame_); }
    Point entry_port(std::size_t i) const { return layout::entry_port(boxes_[i], frame_); }

    // Where the carriage return into row r (> 0) of `rows` turns down towards its first layer.
    Point return_descent(const std::vector<RowBand>& rows, std::size_t r) const;

  private:
    bool column_clear(std::size_t i, double x, double y_a, double y_b) const;
    template <typename At>
    std::optional<Point> clear_port(std::size_t i, double lo, double hi, double fraction,
                                    double far_y, At at) const;
    Point top_port(std::size_t i, double fraction, double far_y) const;

    const std::vector<DrawnBox>& boxes_;
    std::size_t spine_boxes_;
    BoxFrame frame_;
    double spacing_;
};

}  // namespace strata::layout
