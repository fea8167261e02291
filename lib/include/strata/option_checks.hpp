#pragma once

#include "strata/diagnostics.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"

namespace strata {

// Warns of options that name what the model does not have, which would otherwise change
// nothing without a word: a class in type_ignore or color_map that no layer is (with the
// nearest class the model has, when one is close: a misspelling), an index_ignore past the
// model's layers.
void warn_unused_option_names(const Model& model, const Options& options, Warnings& warnings);

}  // namespace strata
