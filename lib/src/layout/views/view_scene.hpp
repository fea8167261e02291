#pragma once

#include "layout/layered/layered_view.hpp"
#include "strata/diagnostics.hpp"
#include "strata/layout_context.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

// The one place that knows which layout draws which view: the fitting to a width, the page
// height and LaTeX's growth work on the Scene any of them returns.

// The view `options.view` names, at the sizes the options give (options.width, if any, is
// the layout's to honour as that view fits a width).
Scene view_scene(const Model& model, const Options& options, const LayoutContext& context,
                 Warnings& warnings);

// The same for a figure fitted to `options.width` whose geometry may be scaled down afterwards
// (layered_view_may_widen): a view without stub rows to avoid is never widened.
RowFit view_scene_may_widen(const Model& model, const Options& options,
                            const LayoutContext& context, Warnings& warnings);

}  // namespace strata::layout
