#pragma once

#include <cstddef>
#include <optional>
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
// is charged to the figure's `budget` before it is measured.
std::optional<Caption> measure_caption(const Layer& layer, std::size_t box_index,
                                       const LayerStyle& style, const Options& options,
                                       TextMeasurer& text, TextBudget& budget);

// Measures the caption of each box, charging its text to `budget`. A font that cannot be found
// is reported as a problem of the `font` option, not of the model.
void measure_captions(std::vector<DrawnBox>& boxes, const Model& model, const Options& options,
                      TextMeasurer& text, TextBudget& budget);

}  // namespace strata::layout
