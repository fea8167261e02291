#pragma once

#include <cstddef>
#include <vector>

#include "layout/lenet/feature_stacks.hpp"
#include "strata/model.hpp"

namespace strata::layout {

// The stacks each stack takes its input from, in the model's order of inputs, each once: a
// layer that is not drawn (type_ignore, index_ignore) passes on its own inputs.
std::vector<std::vector<std::size_t>> stack_inputs(const Model& model,
                                                   const std::vector<FeatureStack>& stacks);

}  // namespace strata::layout
