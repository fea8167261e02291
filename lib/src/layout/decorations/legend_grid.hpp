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
// on a grid of equal columns, as many as the picture's width holds, in reading order. A grid
// taller than the picture gets smaller text (down to min_font_size), then narrower columns
// where the text got smaller. Appended below the picture in `scene`; the canvas grows to hold
// it (wider only when one column is wider than the picture).
void append_legend_grid(Scene& scene, const std::vector<LegendEntry>& entries,
                        const Options& options, TextMeasurer& text, IdMaker& ids);

}  // namespace strata::layout
