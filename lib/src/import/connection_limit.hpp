#pragma once

#include <string>

#include "strata/model.hpp"

namespace strata {

// Throws strata::Error when the model's layers take more than limits::kMaxConnections inputs
// together, naming the layer that passes the limit (its line and column when the reader knows
// them) and the count. Every reader's model passes here before shapes, layout or drawing.
void check_connection_count(const Model& model, const std::string& source_name);

}  // namespace strata
