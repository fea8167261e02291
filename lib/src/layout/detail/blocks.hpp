#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "layout/detail/name_scopes.hpp"
#include "strata/model.hpp"

namespace strata::layout::detail {

// A block of a model: layers a person names as one unit (a residual block, a dense layer, an
// Inception module, a transformer layer, a nested model).
struct Block {
    std::string name;  // "conv3_block2", "layer2.1", "features.denseblock1.denselayer3"
    std::vector<std::size_t> layers;  // increasing
    std::size_t scope = 0;            // the scope it is
    std::size_t stage_scope = 0;      // the scope whose children the block and its siblings are
    // A block that forms no stage with others, nor a run of similar blocks: one that a size
    // alone bounds (its skips lead elsewhere than the next block's).
    bool stands_alone = false;
};

// Consecutive blocks, each feeding the next, under one parent name, at one resolution and of
// one lettered family ("block4a" … "block4c"): "conv3", "layer2", "features.denseblock2", or
// part of a parent ("features.4–6").
struct Stage {
    std::string name;
    std::vector<std::size_t> blocks;  // into the block list, consecutive
    std::vector<std::size_t> layers;  // increasing: the blocks' layers, and the parent's own
                                      // layers when the stage is the whole parent
};

struct BlockStructure {
    ScopeTree tree;
    std::vector<Block> blocks;  // by first layer
    std::vector<Stage> stages;  // by first block
};

// The blocks of a model from its names: siblings numbered alike ("block1", "block2"; "layer2.0",
// "layer2.1"; "denselayer1" …) of at least two layers each that compute on their own (not a
// normalisation or activation), one feeding the next, are blocks
// when no such siblings lie inside them; a nested model without them inside is one block.
// Else the children of one scope that share a number under different stems ("conv_dw_2",
// "conv_pw_2") make one block per number. Where the names give no block, the graph's single-entry
// stretches are the blocks (see single_entry_regions), else its residual blocks (residual_regions).
// Then the stages those blocks form. Near-linear in layers and edges.
BlockStructure find_blocks(const Model& model);

// Per layer: the layers that use its outputs, increasing, and the layer count for a model
// output.
using Consumers = std::vector<std::vector<std::size_t>>;
Consumers consumers_of(const Model& model);

// The layer among `layers` (increasing) whose output leaves them: the last one a layer outside
// them or the model's outputs use; the last one when none is used.
std::size_t exit_layer(const Model& model, const Consumers& consumers,
                       const std::vector<std::size_t>& layers);

}  // namespace strata::layout::detail
