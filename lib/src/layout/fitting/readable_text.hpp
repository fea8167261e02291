#pragma once

#include <functional>

#include "layout/fitting/legend_placement.hpp"
#include "strata/diagnostics.hpp"
#include "strata/layout.hpp"
#include "strata/options.hpp"

namespace strata::layout {

// A figure fitted to its width and height (the room of a slide) that is still too large is
// drawn smaller as a whole, its text too. Before that, the room can be found elsewhere:
// captions above and below in turn (a row then holds twice the boxes, and rows are fewer) and
// text set smaller at layout time, no smaller than min_font_size (shorter caption lines, and at
// level auto a finer level may fit). So when the figure `lay_out` gives for `options` (kept to
// the page) prints text smaller than the options ask for, each such way is laid out too, and
// of those whose text is no smaller than min_font_size (all, when none is) the one whose
// reading_size is largest kept, with its warnings only. Otherwise, without a width and a
// height, in another view than layered or with compat_visualkeras, the figure as `lay_out`
// gives it.
FittedScene with_text_kept_large(const Options& options, const PageLayOut& lay_out,
                                 Warnings& warnings);

}  // namespace strata::layout
