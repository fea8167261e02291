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

// One legend entry before layout.
struct LegendEntry {
    std::string id;     // wanted id, made unique by the IdMaker
    std::string label;  // the text next to the cube
    std::string type;   // layer class
    Rgba fill, outline;
};

// visualkeras' show_dimension list text: the known, non-negative dims of the first output,
// batch included when known, as Python prints a list of strings: "['12', '12', '4']".
std::string dimension_list_text(const Layer& layer);

// One entry per distinct class in order of first appearance, or with `show_dimension` one per
// drawn layer labelled "Conv2D(['12', '12', '4'])".
std::vector<LegendEntry> legend_entries(const std::vector<LegendLayer>& drawn, bool show_dimension);

// Appends the legend of `drawn` below the picture already in `scene` (§6 of the layered-view
// reference): a cube and a label per entry, flowed into rows as wide as the picture, and
// grows the canvas to hold it. Does nothing unless `options.legend` is set.
void append_legend(Scene& scene, const std::vector<LegendLayer>& drawn, const Options& options,
                   TextMeasurer& text, IdMaker& ids);

}  // namespace strata::layout
