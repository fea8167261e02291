#pragma once

#include <functional>

#include "layout/fitting/legend_placement.hpp"
#include "strata/diagnostics.hpp"
#include "strata/layout.hpp"
#include "strata/options.hpp"

namespace strata::layout {

// A figure fitted to its width and height (the room of a slide) that is still too large is
// drawn smaller as a whole, its text too (`keep_on_page`). Before that, the room can be found
// elsewhere: captions above and below in turn (a row then holds twice the boxes, and rows are
// fewer) and text set smaller at layout time, no smaller than min_font_size (shorter caption
// lines, and at level auto a finer level may fit). So when the figure `lay_out` gives for
// `options` would be drawn smaller, each such way is laid out and kept to the page, and the
// one whose text prints largest is kept (of those about as large, the one with the largest
// boxes); only its warnings are kept. Otherwise, without a width and a height, in another view
// than layered or with compat_visualkeras, the figure as `lay_out` gives it, kept to the page.
using KeepOnPage = std::function<FittedScene(FittedScene, const Options&, Warnings&)>;
FittedScene with_text_kept_large(const Options& options, const PageLayOut& lay_out,
                                 const KeepOnPage& keep_on_page, Warnings& warnings);

}  // namespace strata::layout
