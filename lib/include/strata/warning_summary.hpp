#pragma once

#include <cstddef>
#include <vector>

#include "strata/diagnostics.hpp"

namespace strata {

// `warnings` with each kind of message that recurs (the same words; names in quotes and numbers
// may differ) shown at most `shown` times: after the last one shown, one warning counts the
// rest ("9996 more warnings like the one above"). A model with 10 000 groups that all say the
// same thing gives four lines, not 10 000.
Warnings with_repeats_counted(const Warnings& warnings, std::size_t shown = 3);

}  // namespace strata
