#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "strata/model.hpp"

namespace strata::shapes {

// Reads a layer's configuration the way Keras does: a missing key takes Keras' default, and a
// value of the wrong kind fails the rule (see ShapeProblem) instead of being guessed at.

std::int64_t int_attr(const Layer& layer, const std::string& key, std::int64_t fallback);
// A count the layer cannot do without (filters, units): present and positive.
std::int64_t positive_int_attr(const Layer& layer, const std::string& key);
// A count Keras itself refuses below 1 when it builds the layer (Dense and recurrent units,
// convolution filters, Embedding sizes): a value below 1 throws ImpossibleConfiguration, an
// error naming the layer, where positive_int_attr leaves the shape unknown with a warning.
std::int64_t keras_count_attr(const Layer& layer, const std::string& key);
std::optional<std::int64_t> optional_int_attr(const Layer& layer, const std::string& key);
// true, false, or 0 and 1 as some writers store flags; another number throws
// ImpossibleConfiguration.
bool bool_attr(const Layer& layer, const std::string& key, bool fallback);
std::string string_attr(const Layer& layer, const std::string& key, const std::string& fallback);
// A list of integers, a scalar read as a one-element list; nullopt when missing.
std::optional<std::vector<std::int64_t>> int_list_attr(const Layer& layer, const std::string& key);

// One strictly positive integer per spatial axis: kernel_size: 3 means 3 on every axis. A value
// below 1 throws ImpossibleConfiguration.
std::vector<std::int64_t> spatial_attr(const Layer& layer, const std::string& key, std::size_t rank,
                                       std::int64_t fallback);
// Like spatial_attr, but a missing (or null) key takes `fallback` as a whole.
std::vector<std::int64_t> spatial_attr_or(const Layer& layer, const std::string& key,
                                          std::size_t rank,
                                          const std::vector<std::int64_t>& fallback);

enum class Padding { valid, same, causal, full };
Padding padding_attr(const Layer& layer);
bool is_channels_first(const Layer& layer);

// The layer a wrapper (Bidirectional, TimeDistributed) holds, rebuilt from its "layer.*" keys.
Layer wrapped_layer(const Layer& wrapper);

}  // namespace strata::shapes
