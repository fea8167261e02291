#pragma once

#include <vector>

#include "layout/decorations/legend.hpp"
#include "layout/layered/ids.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

// strata's legend, in proportion to its text: every size in it (swatch, line sample, gaps) is
// a multiple of its font size, so that a figure scaled to a width keeps its legend in
// proportion to the legend's text. Swatches are about as tall as a line of text; entries sit
// on a grid of equal columns, as many as the picture's width holds, in reading order; a grid
// taller than half the picture gets more columns, as many as `width_limit` (px, the width the
// figure is fitted to; 0 for none) holds. Appended below the picture in `scene`; the canvas grows
// to hold it.
void append_legend_grid(Scene& scene, const std::vector<LegendEntry>& entries,
                        const Options& options, double width_limit, TextMeasurer& text,
                        IdMaker& ids);

// The same legend right of the picture, vertically centred on it: its columns as few as keep
// it within `room_height` (px, the height the figure is fitted to less its padding; infinity
// for none), their rows filled evenly. The canvas grows to hold it, wider by
// legend_grid_beside_width (rounded up).
void append_legend_grid_beside(Scene& scene, const std::vector<LegendEntry>& entries,
                               const Options& options, double room_height, TextMeasurer& text,
                               IdMaker& ids);
double legend_grid_beside_width(const std::vector<LegendEntry>& entries, const Options& options,
                                double room_height, TextMeasurer& text);

}  // namespace strata::layout
