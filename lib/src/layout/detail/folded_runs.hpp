#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "layout/detail/blocks.hpp"
#include "layout/detail/similar_blocks.hpp"
#include "strata/model.hpp"

namespace strata::layout::detail {

// Attributes that mark the layers of a run of similar blocks drawn once at level layer: "fold"
// (the run's name, the same on each of its layers), "fold_count" (how many blocks it stands
// for) and "change" (what changes along them: "64→224 ch").
inline constexpr const char* kFoldAttr = "fold";
inline constexpr const char* kFoldCountAttr = "fold_count";

// A model with each run of similar blocks drawn once, layer by layer.
struct FoldedModel {
    Model model;
    std::vector<long> index;  // per original layer: its index in `model`, or -1 when hidden
};

// `model` with only the first block of each run left (the layers from its first up to the
// second block's first): the other blocks' layers are left out and what used them uses the
// first block's exit instead. The first block's layers are marked (kFoldAttr …). A run of
// blocks alike in their sizes too is left as it is: exact folding draws it as ever. Nullopt
// when no run is left, or when leaving them out would break the layers' order.
std::optional<FoldedModel> folded_runs(const Model& model, const BlockStructure& s,
                                       const std::vector<SimilarRun>& runs);

}  // namespace strata::layout::detail
