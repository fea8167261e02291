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

}  // namespace strata::layout::detail
