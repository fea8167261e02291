#pragma once

#include "strata/diagnostics.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"
#include "text/text_engine.hpp"

namespace strata::layout {

// The layered view of a model (§1-§5 of the layered-view reference): one box per drawn layer,
// left to right in model order, funnels between neighbours, captions. Text is measured with
// `text`. Throws strata::Error when no layer is left to draw.
Scene layered_view(const Model& model, const Options& options, TextMeasurer& text,
                   Warnings& warnings);

}  // namespace strata::layout
