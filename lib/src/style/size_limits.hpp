#pragma once

#include "strata/options.hpp"

namespace strata::layout {

// Per-layer sizing limits (the style-resolvable part of the options).
struct SizeLimits {
    double scale_xy, scale_z, min_xy, max_xy, min_z, max_z;
};

inline SizeLimits size_limits(const Options& o) {
    return {o.scale_xy, o.scale_z, o.min_xy, o.max_xy, o.min_z, o.max_z};
}

}  // namespace strata::layout
