#pragma once

// A branching model's long row broken into rows no wider than a width: between the
// arrangement's items (never inside one, so no connector crosses a break), the fewest rows,
// balanced.

#include <cstddef>
#include <utility>
#include <vector>

#include "layout/layered/box_frame.hpp"
#include "layout/layered/drawn_box.hpp"
#include "layout/layered/graph_boxes.hpp"
#include "layout/layered/repeat_units.hpp"
#include "strata/options.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

constexpr double kRowGap = 30;  // between wrapped rows, px; the carriage return runs in it

// One row of a wrapped figure: its items, its centre line and how far it reaches above and
// below it (layout coordinates).
struct RowBand {
    std::size_t first_item = 0, last_item = 0;
    double y = 0, top = 0, bottom = 0;
    double width = 0;  // of its items
};

// The horizontal extent of a box with its caption, layout coordinates.
std::pair<double, double> footprint_x(const DrawnBox& b, BoxFrame frame, const Options& options);

// Breaks the row into the fewest rows no wider than `width_limit` px (one row for 0), least
// sum of squared slack; sets each box's row and moves it left to its row's start. A ×N label
// wider than its unit widens the unit's item.
std::vector<RowBand> wrap_rows(const GraphBoxes& graph, const RepeatUnits& units,
                               std::vector<DrawnBox>& boxes, BoxFrame frame, const Options& options,
                               TextMeasurer& text, double width_limit);

// The narrowest row's width over the widest's: 1 for a single row.
double narrowest_row_share(const std::vector<RowBand>& rows);

}  // namespace strata::layout
