#pragma once

#include "strata/model.hpp"

namespace strata::layout {

// A shape of `layer` in the order the layered view draws it, Keras' (batch, ..., channels):
// the layer's channel axis moved last, the others in their order. The Model keeps the
// file's order (N, C, H, W for an ONNX export); only the drawing maps channels to depth.
Shape channels_last(const Layer& layer, const Shape& shape);

}  // namespace strata::layout
