#pragma once

// The labels of the ×N units under their rows: in reading order on one line, each under its
// own bracket (within it, or covering it when wider), at least an em from its neighbours, and
// as much of "×N  scope · change" as that room holds.

#include <cstddef>
#include <string>
#include <vector>

#include "layout/layered/box_frame.hpp"
#include "layout/layered/drawn_box.hpp"
#include "layout/layered/graph_boxes.hpp"
#include "layout/layered/repeat_units.hpp"
#include "strata/options.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

struct RepeatLabel {
    std::string text;
    double left = 0;  // where the text starts, layout coordinates
    double advance = 0;
    // The line under the brackets it stands on: 0, unless even "×N" alone cannot stand
    // between its neighbours on one line.
    std::size_t line = 0;
    // The bracket's ends: the unit's, a little apart from a neighbour's that would touch them.
    double bracket_lo = 0, bracket_hi = 0;
};

// Whether the captions of a unit's boxes already name what its label would (a stage box
// captioned "conv2" needs no "×3  conv2").
bool scope_named_by_captions(const graph::Repeat& repeat, const std::vector<std::size_t>& unit,
                             const std::vector<DrawnBox>& boxes);

// The label a unit takes when its row has room for it.
std::string preferred_repeat_label(const graph::Repeat& repeat,
                                   const std::vector<std::size_t>& unit,
                                   const std::vector<DrawnBox>& boxes);

// Moves the boxes after each ×N unit right as far as needed for the shortest labels ("×N") of
// consecutive units to stand an em apart, each centred under its bracket: the labels of a row
// then read on one line. Before the rows are wrapped.
void make_room_for_repeat_labels(const GraphBoxes& graph, const RepeatUnits& units,
                                 std::vector<DrawnBox>& boxes, BoxFrame frame,
                                 const Options& options, TextMeasurer& text);

// One label per repeat, with the boxes placed horizontally and in their rows.
std::vector<RepeatLabel> place_repeat_labels(const GraphBoxes& graph, const RepeatUnits& units,
                                             const std::vector<DrawnBox>& boxes, BoxFrame frame,
                                             const Options& options, TextMeasurer& text);

}  // namespace strata::layout
