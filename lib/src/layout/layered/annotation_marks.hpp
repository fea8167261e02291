#pragma once

// What ×N repeats and stages are marked with under their row: a bracket with its label, in the
// annotation font; ghost outlines behind a repeated unit.

#include <string>
#include <vector>

#include "layout/graph/arrangement.hpp"
#include "strata/color.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

// Gaps of the marks, px.
constexpr double kGhostStep = 4;    // offset of each ghost outline behind a repeated block
constexpr double kBracketDrop = 8;  // from the lowest thing in the row to a ×N bracket
constexpr double kBracketTick = 4;

// The font of ×N labels, stage labels and the legend of the connections.
FontSpec annotation_font(const Options& options);

// The height of one line of annotation text, with a little air.
double annotation_line_height(TextMeasurer& text, const Options& options);

// The label under a ×N unit: "×4  conv3_block2–4".
std::string repeat_label(const graph::Repeat& repeat);

// The labels a ×N unit may take, longest first: "×4  conv3_block2–4 · 64→256 ch" (not when
// `scope_named`: the unit's captions already name it), "×4 · 64→256 ch", "×4".
std::vector<std::string> repeat_label_choices(const graph::Repeat& repeat, bool scope_named);

// The bracket under a ×N unit or a stage: a line at y from lo to hi, ticks up at its ends.
Polyline bracket_line(double lo, double hi, double y, const Options& options);

}  // namespace strata::layout
