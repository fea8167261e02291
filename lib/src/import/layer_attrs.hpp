#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "strata/model.hpp"

namespace strata::keras {

// Converts a layer's `config` object into attributes. Integers stay int64_t, other numbers
// become double; lists of integers (nested lists flattened, null as kUnknownDim), lists of
// numbers and lists of strings become vectors; null, other objects and mixed lists are left
// out, except a dtype policy object (kept as its name) and the `layer` wrapped by
// Bidirectional or TimeDistributed (kept as "layer.class_name" and "layer.<key>").
// Numbers under dimension keys (filters, kernel_size ...) must be valid dimensions.
// Keys and values are returned as the file spells them; Keras 1 names are normalised later.
Attrs config_to_attrs(const nlohmann::ordered_json& config, const std::string& place,
                      const std::string& file);

}  // namespace strata::keras
