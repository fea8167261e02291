#pragma once

#include "strata/diagnostics.hpp"
#include "strata/layout_context.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

// The lenet view of a model (visualkeras' lenet_view): each drawn layer a stack of feature maps,
// left to right, joined to the next by a receptive field, a funnel or a band; its class above
// and its size ("C@H×W") below. With `options.width` the figure is drawn at that width, its
// text at its own size. Throws strata::Error when no layer is left to draw.
Scene lenet_view(const Model& model, const Options& options, const LayoutContext& context,
                 Warnings& warnings);

}  // namespace strata::layout
