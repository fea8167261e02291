#pragma once

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

// Reads a shape: a list of dimensions.
Shape read_shape(const nlohmann::ordered_json& value, const std::string& place,
                 const std::string& file);

// True for configuration keys that hold dimensions or size-like counts (filters, units,
// kernel_size, target_shape ...): their numbers must be valid dimensions.
bool is_dimension_key(std::string_view key);

}  // namespace strata::keras
