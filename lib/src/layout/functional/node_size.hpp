#pragma once

#include "strata/model.hpp"
#include "strata/options.hpp"
#include "style/size_limits.hpp"

namespace strata::layout::functional {

// The front face of a layer's box in the functional view: visualkeras' dims of its output,
// the depth-like side (channels) as the width and the height as the height, at least min_xy
// each. Outside compat mode the height is at most max_z (at least min_xy), so that a tall
// tensor (a 224-pixel image, a long sequence drawn upright) is no longer a bar many times
// taller than any box can be wide.
struct FaceSize {
    double width = 0, height = 0;
};
FaceSize face_size(const Layer& layer, const SizeLimits& limits, const Options& options);

}  // namespace strata::layout::functional
