#pragma once

#include "strata/diagnostics.hpp"
#include "strata/layout_context.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

// visualkeras' graph view of a model: each column a stack of nodes per layer (a circle per
// neuron of a layer with units or filters, dots for those left out past `ellipsize_after`, a
// tall box for any other layer), every node of a layer joined by a line to every node of each
// layer it feeds. One group per layer, one connector group per connection before them. Fitted
// to `options.width` (and `height`) by scaling, lines too. Throws strata::Error when
// the model has no layer.
Scene graph_view(const Model& model, const Options& options, const LayoutContext& context,
                 Warnings& warnings);

}  // namespace strata::layout
