#pragma once

#include "strata/diagnostics.hpp"
#include "strata/layout_context.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

// visualkeras' functional view of a model: a flat box per layer (3-D with draw_volume) in the
// column of its rank, branches side by side, elbowed connectors between them (arrowheads with
// connector_arrow), captions from text_callable / caption / captions beside each box. Text is
// measured through `context`. Throws strata::Error when the model has no layer to draw.
Scene functional_view(const Model& model, const Options& options, const LayoutContext& context,
                      Warnings& warnings);

}  // namespace strata::layout
