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

// Blocks of a model whose skips nest (a U-Net): the runs of the model's order at one spatial
// size (a pooling or upsampling layer starts a run, also where sizes are unknown), each of at
// least two layers that compute on their own (not a normalisation or activation); at least two
// such runs. None unless some layer merges two inputs or more (a chain wraps into rows as it
// is) and one layer alone has no input (chains from several inputs interleave in the model's
// order), nor when the model's order is not a topological one. Each is increasing, implicit
// layers left out. Linear in layers and edges.
std::vector<std::vector<std::size_t>> resolution_runs(const Model& model,
                                                      bool (*computes)(const Layer&));

}  // namespace strata::layout::detail
