#pragma once

#include "strata/model.hpp"

namespace strata {

// Makes every piece of text in `model` (model, layer and submodel names, types, parents,
// string attributes) valid Unicode with unicode::valid_text, whatever format it came from.
// Run once on every imported model, after its graph is resolved, so nothing downstream ever
// sees invalid UTF-8, NUL or control characters.
void make_model_text_valid(Model& model);

}  // namespace strata
