#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace strata::keras {

// A tensor as a Keras file names it: output `tensor` of the layer called `layer`.
struct TensorName {
    std::string layer;
    std::size_t tensor = 0;
    std::string place;  // where the reference is written, for messages
};

// One call of a layer: the tensors it consumes, in call order.
using InboundNode = std::vector<TensorName>;

// Reads a layer's `inbound_nodes` in any of its encodings: Keras 2 / TensorFlow.js
// [[["name", node, tensor, {kwargs}], ...], ...] and Keras 3 [{"args": [...], "kwargs":
// {...}}, ...] whose arguments hold __keras_tensor__ objects, alone or in lists. Tensors
// passed as keyword arguments follow the positional ones. Throws strata::Error naming `place`.
std::vector<InboundNode> read_inbound_nodes(const nlohmann::ordered_json& nodes,
                                            const std::string& place, const std::string& file);

// Reads `input_layers` / `output_layers`: a list of [name, node, tensor], or a single flat
// [name, node, tensor] as Keras 3 writes for one tensor, or an object of named ones.
std::vector<TensorName> read_tensor_list(const nlohmann::ordered_json& list,
                                         const std::string& place, const std::string& file);

}  // namespace strata::keras
