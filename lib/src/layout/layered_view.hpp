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

// How a figure fitted to `options.width` may come out when every size that fits leaves a stub
// row (a few boxes alone in a row: a U-Net in a narrow column, whose skips allow no break but
// near its ends). For an output whose geometry can be scaled down afterwards (LaTeX).
struct RowFit {
    bool may_widen = false;  // in: rather a somewhat wider figure with fair rows
    bool widened = false;    // out: the figure is wider than the width, its rows are fair
};
Scene layered_view(const Model& model, const Options& options, TextMeasurer& text,
                   Warnings& warnings, RowFit& fit);

}  // namespace strata::layout
