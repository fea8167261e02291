#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "layout/graph/arrangement.hpp"
#include "layout/layered/box_size.hpp"
#include "strata/color.hpp"
#include "strata/text_measurer.hpp"
#include "style/layer_style.hpp"

namespace strata::layout {

// A box's caption, measured: its lines and how much room the block takes.
struct Caption {
    std::vector<std::string> lines;
    std::vector<TextMetrics> metrics;
    bool above = false;
    double width = 0;   // widest ink right edge
    double height = 0;  // height reserved for the block
    double pitch = 0;   // distance between line origins
    // Room between the box and the block: `lead` clear of the box's outline, and `drop` more
    // for a box lower than the tallest of its line, so that a line's captions share one band.
    double lead = 0;
    double drop = 0;
    // How far right of its usual centre the block stands: off a connector leg that drops from
    // its box's bottom when it cannot go above the box.
    double nudge = 0;
    // A caption moved above its box off lane legs stands over its box and its neighbours in
    // the row, not over the tallest box of the row: it stays near its own box.
    bool near_band = false;
    double offset() const { return lead + drop; }
    double reach() const { return lead + drop + height; }
};

// A layer that gets a box, with everything decided before placement.
struct DrawnBox {
    std::size_t layer = 0;
    LayerStyle style;
    BoxSize size;
    double de = 0;
    double left = 0;  // L_i: left edge of the front face, layout coordinates
    Rgba fill, outline;
    std::optional<Caption> caption;
    // Branching models (graph/): where the box sits in the arrangement.
    double gap_before = 0;  // spacing dummies and group clearance before the box
    double cy = 0;          // centre line of its row or lane, layout coordinates
    std::size_t node = 0;   // graph node
    bool on_spine = true;
    long branch = -1;
    std::size_t row = 0;
    bool legs_below = false;  // a lane's connector leaves or joins it through its bottom
    graph::MergeKind merge = graph::MergeKind::none;
};

}  // namespace strata::layout
