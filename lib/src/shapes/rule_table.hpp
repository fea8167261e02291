#pragma once

#include <string_view>

#include "shapes/rule.hpp"

namespace strata::shapes {

// The rule for a layer type (Keras class name), or nullptr when there is none.
ShapeRule find_rule(std::string_view type);

// Applies the rule of `layer.type`; a type without a rule fails like any other rule.
OutputShapes apply_rule(const Layer& layer, InputShapes inputs);

}  // namespace strata::shapes
