#pragma once

#include <cstddef>
#include <vector>

#include "strata/model.hpp"

namespace strata::layout::detail {

// Blocks where names say nothing: stretches of the model's order that one tensor enters and
// one leaves (an Inception module, a residual block, a dense block with its concatenations),
// of at least two layers, one of which merges two or more inputs, and at most a third of the
// model (a U-Net's skips would make all of it one stretch). Each is increasing, implicit
// layers left out. None when the model's order is not a topological one. Linear in layers and
// edges.
std::vector<std::vector<std::size_t>> single_entry_regions(const Model& model);

// Blocks where a long skip crosses every gap (an SRGAN generator's residual blocks inside its
// global skip): for each residual sum, the layers after the earliest tensor it adds up to the
// sum, when only that tensor enters them and only the sum leaves them; the innermost of those
// (they nest), of at least two layers and at most a third of the model. Each is increasing,
// implicit layers left out. None when the model's order is not a topological one.
// O(n log n) in layers, linear in edges.
std::vector<std::vector<std::size_t>> residual_regions(const Model& model);

}  // namespace strata::layout::detail
