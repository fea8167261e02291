#pragma once

#include <functional>

#include "strata/diagnostics.hpp"
#include "strata/layout.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"

namespace strata::layout::detail {

// One layout of a model as it is (its options' level is layer).
using LayOut = std::function<FittedScene(const Model&, const Options&, Warnings&)>;

// The figure at the level `options` ask for, laid out by `lay_out`: the model is coarsened to
// blocks or stages first. At level auto with a width, the finest level whose figure fits the
// width with text at least min_font_size and every box face at least 2 mm tall in print, else
// the coarsest level the model has; without a width, or in compat_visualkeras, layer. The
// scene says which level it shows when not layer, and always which one auto chose. Collapse
// auto becomes similar at level auto with a width (layered view, not compat_visualkeras),
// else exact.
FittedScene lay_out_at_level(const Model& model, const Options& options, const LayOut& lay_out,
                             Warnings& warnings);

}  // namespace strata::layout::detail
