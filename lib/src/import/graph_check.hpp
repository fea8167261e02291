#pragma once

#include <string>
#include <vector>

#include "strata/model.hpp"

namespace strata::keras {

// Throws strata::Error when a layer depends on its own output. `layer_places` says where
// each layer is written in the file.
void check_acyclic(const Model& model, const std::vector<std::string>& layer_places,
                   const std::string& file);

}  // namespace strata::keras
