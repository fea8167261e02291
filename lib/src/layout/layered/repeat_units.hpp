#pragma once

// The drawn unit of each ×N repeat: the boxes it holds (a branch goes with its fork).

#include <cstddef>
#include <utility>
#include <vector>

#include "layout/layered/box_frame.hpp"
#include "layout/layered/drawn_box.hpp"
#include "layout/layered/graph_boxes.hpp"

namespace strata::layout {

struct RepeatUnits {
    std::vector<std::vector<std::size_t>> boxes;  // per repeat, ascending box indices
    std::vector<long> unit_of_box;                // per box, -1 outside any unit
};

RepeatUnits repeat_units(const GraphBoxes& graph, const std::vector<DrawnBox>& boxes);

// The x range a unit's boxes take with their depth, layout coordinates.
std::pair<double, double> unit_extent(const std::vector<std::size_t>& unit,
                                      const std::vector<DrawnBox>& boxes, BoxFrame frame);

}  // namespace strata::layout
