#pragma once

#include <vector>

#include "strata/diagnostics.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "style/size_limits.hpp"

namespace strata::layout {

// The three sizes of a layer's box, with visualkeras' names: on screen `z` is the width of the
// front face, `y` its height, and `x` the depth (drawn as an oblique offset of x/3).
struct BoxSize {
    double x = 0, y = 0, z = 0;
};

// visualkeras' dims of a layer: its first output channels-last (channels become depth
// whatever the file's axis order), without the batch, unknown entries dropped; {1} when the
// shape is unknown, drawn like a (None, 1) tensor.
std::vector<double> box_dims(const Layer& layer);

// Box size for the non-batch integer dimensions of a layer's output (§2 of the layered-view
// reference): every sizing mode, caps, orientation. In compat mode visualkeras' capped-mode
// fall-through (minimum cubes for rank >= 3) and its 'x' = 'z' orientation are kept.
BoxSize box_size(const std::vector<double>& dims, const SizeLimits& limits, const Options& options);

}  // namespace strata::layout
