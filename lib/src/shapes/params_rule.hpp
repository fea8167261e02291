#pragma once

#include <cstdint>
#include <initializer_list>
#include <vector>

#include "shapes/rule.hpp"

namespace strata::shapes {

// Keras defaults that changed between versions, decided once per model from its origin.
struct KerasDefaults {
    // GRU's reset_after when the file does not say: true since tf.keras 2; files written before
    // the key existed (Keras 1, 2.0, 2.1) applied the reset gate before the matrix product.
    bool gru_reset_after = true;
};

// A weight counter: a layer's configuration and the shapes of its inputs give the number of
// its weights, trainable and not, as Keras' count_params() does. Like a shape rule it fails
// with a ShapeProblem when the count cannot be known; an input whose shape is unknown is
// passed as an empty shape, which every helper below that reads it rejects.
using ParamCounter = std::int64_t (*)(const Layer& layer, InputShapes inputs,
                                      const KerasDefaults& defaults);

// Checked arithmetic on weight counts: an overflow or an unknown (negative) operand fails.
std::int64_t sum_of(std::initializer_list<std::int64_t> terms);
std::int64_t product_of(std::initializer_list<std::int64_t> factors);
std::int64_t volume(const std::vector<std::int64_t>& sizes);

// A dimension a count depends on: fails when it is unknown.
std::int64_t known_dim(Dim dim);
// The feature (last) axis of an input of at least `min_rank` axes, batch included.
std::int64_t feature_dim(const Shape& input, std::size_t min_rank);
// `size` when the layer has a bias (use_bias, true by default), else 0.
std::int64_t bias_size(const Layer& layer, std::int64_t size);
// The number of elements of the input's slice on `axes` (Keras axis numbers, batch included,
// negative from the end), as normalisation layers size their weights.
std::int64_t axes_volume(const Shape& input, const std::vector<std::int64_t>& axes);

}  // namespace strata::shapes
