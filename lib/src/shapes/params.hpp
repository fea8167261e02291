#pragma once

#include "strata/model.hpp"

namespace strata::shapes {

// Sets `params` (the number of weights, as Keras' count_params) of every layer whose type,
// configuration and input shapes determine it; run after the shapes are inferred. A layer
// without weights (an activation, a pooling, ...) gets 0 even when its shapes are unknown.
// Counts already set (by an importer that read them) are kept; anything that cannot be
// known (a custom layer, a Lambda, an unknown input shape, a configuration that makes no
// sense, a count too large to represent) stays unset, and so does every layer of an ONNX
// graph. Never throws for any model content.
void count_params(Model& model);

}  // namespace strata::shapes
