#pragma once

#include <string>

#include "strata/model.hpp"

namespace strata::layout::graph {

// Appends `value` as text to a layer's signature: lists comma-terminated, so that a list and a
// scalar never read alike.
void append_attribute_text(std::string& out, const AttrValue& value);

}  // namespace strata::layout::graph
