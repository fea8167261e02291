#pragma once

// The vertical placement of a wrapped branching model: lanes under each row for its branches,
// the heights at which skip and bus connectors run over it, the brackets of the ×N units
// under it, how far each row reaches above and below its centre line, and the rows stacked.

#include <vector>

#include "layout/decorations/layer_groups.hpp"
#include "layout/layered/box_frame.hpp"
#include "layout/layered/drawn_box.hpp"
#include "layout/layered/graph_boxes.hpp"
#include "layout/layered/repeat_labels.hpp"
#include "layout/layered/repeat_units.hpp"
#include "layout/layered/row_wrapping.hpp"
#include "strata/options.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

// Heights relative to the centre line of the row they belong to (y down).
struct RowLevels {
    std::vector<int> lane;                   // per branch: 1 for the first lane under its row
    std::vector<double> skip_y;              // per skip: the height its connector runs at
    std::vector<double> bus_y;               // per bus: the same
    std::vector<double> bracket_y;           // per repeat: the line of its bracket
    std::vector<RepeatLabel> repeat_labels;  // per repeat: its label
    std::vector<double> label_right;         // per row: where its ×N labels end (-inf for none)
};

// Puts the branches in lanes under their row (the narrowest first, nested inside), places
// each lane box's centre line relative to its row, finds the run heights of skips and buses
// and the bracket lines of the ×N units, and grows each row's reach to hold them all.
RowLevels place_rows_vertically(const GraphBoxes& graph, const RepeatUnits& units,
                                std::vector<DrawnBox>& boxes, std::vector<RowBand>& rows,
                                BoxFrame frame, const Options& options, TextMeasurer& text);

// Layer groups over several rows have a rectangle in each: rows keep them and their titles
// apart.
void make_room_for_groups(LayerGroups& groups, const std::vector<DrawnBox>& boxes,
                          std::vector<RowBand>& rows);

// Stacks the rows one under the other, kRowGap apart, and moves each box onto its row.
void stack_rows(std::vector<RowBand>& rows, std::vector<DrawnBox>& boxes);

}  // namespace strata::layout
