#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "layout/decorations/text_budget.hpp"
#include "layout/layered/drawn_box.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/text_measurer.hpp"
#include "style/layer_style.hpp"

namespace strata::layout {

// The caption of `layer`, drawn as box `box_index` in `style`, measured line by line (§6):
// nullopt when it has none. Lines are `pitch` apart; the block's height is what is drawn
// (visualkeras reserves the sum of the line heights instead, kept in compat mode). Its text
// is charged to the figure's `budget` before it is measured. A line wider than `wrap_width`
// (when positive) breaks where a name may break (after '_', '.', '/', '-', at a space). A
// caption that begins with `drop_prefix` (and is longer) goes without it, unless the layer
// has a caption of its own in the options.
std::optional<Caption> measure_caption(const Layer& layer, std::size_t box_index,
                                       const LayerStyle& style, const Options& options,
                                       TextMeasurer& text, TextBudget& budget,
                                       double wrap_width = 0, std::string_view drop_prefix = {});

// Measures the caption of each box, charging its text to `budget`. A font that cannot be found
// is reported as a problem of the `font` option, not of the model. With a `width_limit` to fit
// (outside compat mode), a caption wider than the room its box takes in the row breaks onto
// more lines instead of pushing the boxes apart, and the prefix up to a '.' that all dotted
// names captioned share ("features." of "features.denseblock1") is dropped.
void measure_captions(std::vector<DrawnBox>& boxes, const Model& model, const Options& options,
                      TextMeasurer& text, TextBudget& budget, double width_limit = 0);

}  // namespace strata::layout
