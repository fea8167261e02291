#pragma once

// One layered figure at one box size: the steps of the layered layout in order, from the
// model's layers to the scene.

#include "layout/layered/drawn_boxes.hpp"
#include "strata/diagnostics.hpp"
#include "strata/layout_context.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

struct LayeredFigure {
    Scene scene;
    double narrowest_row_share = 1;  // of a wrapped figure: its narrowest row over its widest
};

// Throws strata::Error when no layer is left to draw, or a caption's font cannot be found.
LayeredFigure layered_figure(const Model& model, const Options& options,
                             const LayoutContext& context, Warnings& warnings, BoxScale scale);

}  // namespace strata::layout
