#pragma once

#include <cstddef>
#include <vector>

#include "strata/model.hpp"

namespace strata::shapes {

// The layer indices ordered so that every layer comes after the layers it reads from, in file
// order where the dependencies allow. Throws strata::Error when the layers form a cycle or an
// input refers to a layer that does not exist. Linear in layers plus connections.
std::vector<std::size_t> dependency_order(const Model& model);

}  // namespace strata::shapes
