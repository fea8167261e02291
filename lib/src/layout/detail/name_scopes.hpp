#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "strata/model.hpp"

namespace strata::layout::detail {

// One scope of the names of a model's layers. "layer2.1.conv1" lies in layer2 › layer2.1 ›
// layer2.1.conv1, Keras' "conv3_block2_1_conv" in conv3 › conv3_block2 › conv3_block2_1 ›
// conv3_block2_1_conv; a nested model is a scope of its own, around its layers.
struct Scope {
    std::string name;  // the full name: "layer2.1", "conv3_block2"
    std::string part;  // its last part: "1", "block2"
    std::size_t parent = 0;
    std::vector<std::size_t> children;  // in order of first appearance
    std::vector<std::size_t> layers;    // every layer at or under it, increasing
    bool submodel = false;              // a nested model
    bool dotted = false;  // from names with dots, where a bare number is a part of its own
};

struct ScopeTree {
    std::vector<Scope> scopes;  // [0] is the root; every parent before its children
    std::vector<std::vector<std::size_t>> path;  // per layer: the scopes from the root to its own
};

// The scopes the model's layer names (and nested models) form. Linear in the layers; a name
// has at most a fixed number of parts, so a long name adds no depth.
ScopeTree scope_tree(const Model& model);

}  // namespace strata::layout::detail
