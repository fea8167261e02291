#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "strata/model.hpp"

namespace strata::keras {

// The shape an InputLayer declares: batch_input_shape, batch_shape (Keras 3) or [-1] +
// input_shape, or TensorFlow.js' batchInputShape, batchShape or inputShape; nullopt when it
// declares none.
std::optional<Shape> input_layer_shape(const nlohmann::ordered_json& config,
                                       const std::string& place, const std::string& file);

// The input shape declared on the first layer of a Sequential model that has no InputLayer:
// batch_input_shape, batch_shape or input_shape as above, or Keras 1 input_dim (with
// input_length for sequences); also looked up on a wrapped layer. Embedding's input_dim is
// its vocabulary, not a shape, so it only counts input_length.
std::optional<Shape> first_layer_input_shape(const nlohmann::ordered_json& config,
                                             const std::string& type, const std::string& place,
                                             const std::string& file);

}  // namespace strata::keras
