#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "layout/detail/blocks.hpp"
#include "strata/model.hpp"

namespace strata::layout::detail {

// Consecutive blocks of one stage with the same structure (`--collapse similar`): blocks
// [first, last] of the block list, drawn once as ×(last - first + 1).
struct SimilarRun {
    std::size_t first = 0, last = 0;
    std::string name;  // the stage's when they are all of it, else their range: "block_7–9"
    std::vector<std::size_t> layers;  // the blocks' layers and those between them, increasing
    std::string change;               // what differs from the first to the last: "64→224 ch"
};

// What a block computes, whatever its channel counts and shapes: its layers' types and
// configurations (kernels, strides, activations, not filters or units) in order and the edges
// between them. Two blocks alike here differ only in sizes.
std::string block_structure(const Model& model, const std::vector<std::size_t>& layers);

// The runs of two or more consecutive similar blocks within each stage, in order. Linear in
// the layers of the blocks.
std::vector<SimilarRun> similar_runs(const Model& model, const BlockStructure& s);

}  // namespace strata::layout::detail
