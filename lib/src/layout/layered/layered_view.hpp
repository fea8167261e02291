#pragma once

#include "strata/diagnostics.hpp"
#include "strata/layout_context.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

// The tallest a figure fitted to a width is kept, as a share of that width, when some size
// allows it: room on a page or a 4:3 slide for the rest. Wrapping alone would stack a long
// chain of large boxes (VGG16) into a tower of rows; LaTeX's growth towards the width keeps
// the same promise.
inline constexpr double kMostHeightPerWidth = 0.6;

// The layered view of a model (§1-§5 of the layered-view reference): one box per drawn layer,
// left to right in model order, funnels between neighbours, captions. Text is measured and
// pictures are had through `context`. Throws strata::Error when no layer is left to draw.
Scene layered_view(const Model& model, const Options& options, const LayoutContext& context,
                   Warnings& warnings);

// A figure fitted to `options.width` for an output whose geometry can be scaled down
// afterwards (LaTeX): when every size that fits leaves a stub row (a few boxes alone in a row:
// a U-Net in a narrow column, whose skips allow no break but near its ends), it may come out
// somewhat wider with fair rows instead, and says so.
struct RowFit {
    Scene scene;
    bool widened = false;  // the figure is wider than the width, its rows are fair
};
RowFit layered_view_may_widen(const Model& model, const Options& options,
                              const LayoutContext& context, Warnings& warnings);

}  // namespace strata::layout
