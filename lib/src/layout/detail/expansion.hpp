#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "layout/detail/blocks.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"

namespace strata::layout::detail {

// Layers drawn one by one inside a coarser figure, framed and titled with the name of the
// block or stage they make up.
struct ExpandedFrame {
    std::string title;                // "conv3_block2", at most 32 characters
    std::vector<std::size_t> layers;  // increasing, none implicit
};

// The blocks and stages `--expand` names, for a figure at `level` (block or stage).
struct Expansion {
    std::vector<bool> blocks;  // per block of the structure: drawn layer by layer
    std::vector<bool> stages;  // per stage: drawn layer by layer (at level stage)
    std::vector<ExpandedFrame> frames;
};

// A name is a block's or a stage's as the figure writes it ("conv3_block2", "layer2.1",
// "features.4–6" or "features.4-6"; an ONNX op suffix may be left out; the last parts of a
// module path alone when no other name ends so: "denseblock2"). At level block a stage
// expands all its blocks in one frame; at level stage a block is an error saying so. Throws
// strata::Error (where "expand") for a name that is no block or stage of the model, listing
// the nearest names.
Expansion expansion(const Model& model, const BlockStructure& s, Level level,
                    const std::vector<std::string>& names);

// Whether every name can be expanded at `level`: each names a block or a stage at level block,
// a stage at level stage. Throws like `expansion` for a name that is no block or stage.
bool expandable_at(const Model& model, const BlockStructure& s, Level level,
                   const std::vector<std::string>& names);

// Throws like `expansion` unless every name is a block or a stage of the model.
void check_expand_names(const Model& model, const std::vector<std::string>& names);

}  // namespace strata::layout::detail
