#pragma once

#include "text/fixed_metrics.hpp"

namespace strata {

// The metrics visualkeras gets from Pillow's default font (Aileron Regular, 10 px, hinted)
// for the captions of its reference scenarios: ascent 10, descent 3, integer boxes and
// advances. Lets layout tests reproduce visualkeras' numbers exactly.
FixedMetrics pillow_default_font_metrics();

}  // namespace strata
