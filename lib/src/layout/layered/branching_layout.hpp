#pragma once

// A branching or deep model placed: its boxes in the arrangement's order, wrapped into rows,
// with lanes, connector heights, ×N units and stages. The steps that place it, in order:
// place_left_to_right, repeat_units, wrap_rows, place_rows_vertically, find_stages,
// make_room_for_groups, stack_rows.

#include <string>
#include <vector>

#include "layout/decorations/layer_groups.hpp"
#include "layout/layered/box_frame.hpp"
#include "layout/layered/drawn_box.hpp"
#include "layout/layered/graph_boxes.hpp"
#include "layout/layered/repeat_units.hpp"
#include "layout/layered/row_levels.hpp"
#include "layout/layered/row_wrapping.hpp"
#include "layout/layered/stages.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

struct BranchingLayout {
    GraphBoxes graph;
    RepeatUnits units;
    std::vector<RowBand> rows;  // stacked: each row's y is its centre line
    RowLevels levels;
    std::vector<Stage> stages;
};

// Places `boxes` (as arrange_boxes ordered them, captions measured) in rows no wider than
// `width_limit` px (0 for one row); `groups` learn the row of each box.
BranchingLayout place_branching(GraphBoxes graph, std::vector<DrawnBox>& boxes, LayerGroups& groups,
                                BoxFrame frame, const Options& options, const Model& model,
                                TextMeasurer& text, double width_limit);

}  // namespace strata::layout
