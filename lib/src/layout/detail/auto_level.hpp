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
// width with every box face at least 2 mm tall in print (text keeps its size whatever the
// level), else the coarsest level the model has; without a width, layer. The scene says which
// level it shows when not layer. Collapse auto becomes similar at level auto, else exact.
FittedScene lay_out_at_level(const Model& model, const Options& options, const LayOut& lay_out,
                             Warnings& warnings);

}  // namespace strata::layout::detail
