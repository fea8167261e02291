#pragma once

#include "strata/options.hpp"

namespace strata::layout {

// `o` with every text size scaled so that the default one is `size` (px), none below `least`
// (px), and the spacings that go with text scaled alike: how the fitting tries smaller text.
Options with_text_size(Options o, double size, double least);

}  // namespace strata::layout
