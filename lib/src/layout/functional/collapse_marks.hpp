#pragma once

#include <string>

#include "layout/functional/functional_graph.hpp"
#include "strata/scene.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout::functional {

// How a collapsed node is marked, with visualkeras' sizes: a white badge with the rule's label
// (12 px text, padding 4 × 2, radius 4) inside the top-right corner of the node, and for a block
// (when annotations are on) a double-headed arrow 10 px above or below the node, 2 px wide
// with 6 px heads, in the connector colour, with the label over it on a pale ground.
struct CollapseMarkStyle {
    FontSpec font;  // the badge's and the arrow label's
    Rgba text_color;
    Rgba arrow_color;
    bool annotate = true;
    // The arrow is kept within [2, canvas_height - 3] and its label on the canvas, as
    // visualkeras clips them (compat mode; 0: not clamped).
    double canvas_height = 0;
    // Text set where Pillow sets it (its ink a few pixels low in the badge and on its ground);
    // else its ink centred in them.
    bool compat = false;
};

// The room the arrow of a collapsed block and its label take beyond the node's box (0 when it
// has none).
double annotation_room(const Node& node, TextMeasurer& text, const CollapseMarkStyle& style);

// The marks of collapsed node `node`, as a group with `id` and `label`.
Group collapse_marks(const Node& node, TextMeasurer& text, const CollapseMarkStyle& style,
                     const std::string& id, const std::string& label);

}  // namespace strata::layout::functional
