#pragma once

#include <string_view>

#include "shapes/rule.hpp"

namespace strata::shapes {

// The rule for a layer type (Keras class name), or nullptr when there is none.
ShapeRule find_rule(std::string_view type);

// True for a type whose output has the layout of its (first) input: the layers that keep
// their input's shape (activations, dropout, normalisation, ...) and the merges.
bool keeps_input_layout(std::string_view type);

// Applies the rule of `layer.type`; a type without a rule fails like any other rule.
OutputShapes apply_rule(const Layer& layer, InputShapes inputs);

}  // namespace strata::shapes
