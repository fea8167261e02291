#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "strata/model.hpp"

namespace strata::keras {

// Reads one tensor dimension: a JSON integer in [0, limits::kMaxDimension], -1 or null
// (both unknown). A fraction, a huge number or another negative value throws strata::Error
// naming `place`, never silently converted.
Dim read_dimension(const nlohmann::ordered_json& value, const std::string& place,
                   const std::string& file);

// The dimension `value` holds, or nullopt where read_dimension would throw. Lets a caller
// build the place of a message only when there is a message.
std::optional<Dim> valid_dimension(const nlohmann::ordered_json& value);

// Reads a shape: a list of dimensions.
Shape read_shape(const nlohmann::ordered_json& value, const std::string& place,
                 const std::string& file);

// True for configuration keys whose numbers are counts of at least 1: windows, steps,
// dilations and depth multipliers (kernel_size, strides, pool_size ..., Keras 1 names
// too). Null means Keras' default; a number below 1 describes no layer.
bool is_positive_key(std::string_view key);

// Throws strata::Error naming `place` (an element's index added) for a number below 1 in
// `value`, a number or a list of them, nested lists included; null is allowed.
void check_positive(const nlohmann::ordered_json& value, const std::string& place,
                    const std::string& file);

// False exactly where check_positive would throw.
bool is_positive_or_null(const nlohmann::ordered_json& value);

// True for configuration keys that hold dimensions or size-like counts (filters, units,
// kernel_size, target_shape ...): their numbers must be valid dimensions.
bool is_dimension_key(std::string_view key);

}  // namespace strata::keras
