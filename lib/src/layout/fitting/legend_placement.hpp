#pragma once

#include <functional>

#include "strata/diagnostics.hpp"
#include "strata/layout.hpp"
#include "strata/options.hpp"

namespace strata::layout {

// The smallest text of the figure as printed, in px (infinity without text).
double smallest_text(const FittedScene& fitted);

// How large the diagram of `fitted` is drawn: the mean extent of its boxes (width, height and
// depth together) at the figure's scale, in px. 0 without boxes.
double diagram_scale(const FittedScene& fitted);

// How large a figure reads: its smallest text squared times its diagram_scale. Text counts
// twice: boxes mean little to a reader who cannot read their captions. Infinite text (none)
// counts as 1.
double reading_size(const FittedScene& fitted);

// One whole fitting of a figure to its page with the options given (the legend's place set).
using PageLayOut = std::function<FittedScene(const Options&, Warnings&)>;

// The figure with its legend where the diagram comes out larger. With legend_position auto, a
// legend and a height (the room of a slide, where a legend below costs the diagram a share of
// the height), the figure is laid out with the legend below and with it right of the diagram,
// and the one whose reading_size is clearly larger kept (the diagram_scale when the text is as
// large), unless that one prints text smaller than the other keeps of min_font_size (below when
// they are about equal, as when the height does not bind); only its warnings are kept. Otherwise,
// or in another view, or with compat_visualkeras, the figure as `lay_out` gives it (auto is below
// then).
FittedScene with_legend_placed(const Options& options, const PageLayOut& lay_out,
                               Warnings& warnings);

}  // namespace strata::layout
