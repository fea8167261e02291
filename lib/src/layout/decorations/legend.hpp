#pragma once

#include <string>
#include <vector>

#include "layout/layered/ids.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

// A drawn layer as the legend sees it: the layer and the colours its box was drawn with.
struct LegendLayer {
    const Layer* layer = nullptr;
    Rgba fill, outline;
};

// What stands left of an entry's label: a box in the layer's colours, a sample of a connector
// line, or a merge glyph (sum or product).
enum class Swatch { box, line, sum, product };

// One legend entry before layout.
struct LegendEntry {
    std::string id;      // wanted id, made unique by the IdMaker
    std::string label;   // the text next to the swatch
    std::string type;    // layer class; empty for a connection
    Rgba fill, outline;  // a line sample is drawn in `outline`
    Swatch swatch = Swatch::box;
};

// visualkeras' show_dimension list text: the known, non-negative dims of the first output,
// batch included when known, as Python prints a list of strings: "['12', '12', '4']".
std::string dimension_list_text(const Layer& layer);

// One entry per distinct class in order of first appearance, or with `show_dimension` one per
// drawn layer labelled "Conv2D (12 × 12 × 4)", or as visualkeras does in compat mode,
// "Conv2D(['12', '12', '4'])".
std::vector<LegendEntry> legend_entries(const std::vector<LegendLayer>& drawn, bool show_dimension,
                                        bool compat_visualkeras);

// Whether the legend goes right of the picture (legend_position right, not compat_visualkeras).
bool legend_beside(const Options& options);

// The width a legend beside the picture adds to it (0 unless legend_beside): the rows of the
// picture are kept that much narrower than the width the figure is fitted to.
double legend_beside_width(const std::vector<LegendLayer>& drawn,
                           const std::vector<LegendEntry>& connections, const Options& options,
                           TextMeasurer& text);

// Appends the legend below the picture already in `scene` and grows the canvas to hold it: the
// entries of `drawn`, then `connections` (line samples and merge glyphs). Does nothing unless
// `options.legend` is set. With `compat_visualkeras` it is visualkeras' legend (§6 of the
// layered-view reference: cubes and labels flowed into rows, no connections); otherwise the
// legend of legend_grid.hpp, whose columns may fill `width_limit` (px, the width the figure is
// fitted to; 0 for none), or, when legend_beside, the same legend right of the picture in as
// few columns as the height the figure is fitted to holds. `legend_position` auto is below
// here: the fitting chooses between the two.
void append_legend(Scene& scene, const std::vector<LegendLayer>& drawn,
                   const std::vector<LegendEntry>& connections, const Options& options,
                   double width_limit, TextMeasurer& text, IdMaker& ids);

}  // namespace strata::layout
