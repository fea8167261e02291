#pragma once

#include <cstdint>
#include <string_view>

#include "shapes/params_rule.hpp"

namespace strata::shapes {

// The weight counter for a layer type (Keras class name), or nullptr when there is none.
ParamCounter find_counter(std::string_view type);

// True for a type that has no weights whatever its configuration and inputs.
bool has_no_weights(std::string_view type);

// Applies the counter of `layer.type`; a type without one fails like any counter.
std::int64_t apply_counter(const Layer& layer, InputShapes inputs, const KerasDefaults& defaults);

}  // namespace strata::shapes
