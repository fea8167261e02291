#pragma once

#include "strata/scene.hpp"

namespace strata::layout {

// `run` drawn `factor` times smaller where it stands: its size, measured box and glyph offsets
// divided by `factor` about its anchor point (anchor_x), its baseline kept.
void shrink_about_anchor(TextRun& run, double factor);

// The height of the legend of `scene` (0 without one), which legend_shrunk takes off the canvas
// in proportion, or 0 when something else lies below the legend's top and the canvas keeps its
// height.
double legend_height_given_up(const Scene& scene);

// `scene` with its legend (the groups of role legend) `factor` times smaller about the
// legend's top-left corner (its left middle when it lies right of everything else): swatches, gaps
// and text together, as LaTeX's growth of a figure would otherwise draw the swatches `factor` times
// taller than their text. The canvas loses the height the legend gave up when nothing else lies
// below the legend's top.
Scene legend_shrunk(Scene scene, double factor);

}  // namespace strata::layout
