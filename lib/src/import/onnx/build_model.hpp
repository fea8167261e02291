#pragma once

#include <onnx/onnx_pb.h>

#include "import/onnx/tensor_shapes.hpp"
#include "strata/model.hpp"

namespace strata::onnx_import {

// The Model the layered view draws from an ONNX graph. One layer per graph input, then:
// - folded (the default): one box per op a paper figure shows. Activations, normalisation,
//   constants, shape arithmetic, reshapes and the elementwise tail of a module fold into the
//   box of the op they follow; boxes are named by module path ("layer1.0.conv1") and typed
//   with Keras class names (Conv2D, MaxPooling2D, Dense, Add, Concatenate ...);
// - raw: one layer per node, named as in the file, typed by its op.
// Shapes are the graph's own (N, C, H, W for a PyTorch export). A box whose tensor is
// channels-first (what convolutions, pooling and their elementwise followers produce) has
// `channel_axis` 1, so that it is drawn like Keras' (batch, H, W, C); other tensors (tokens,
// sequences) have none. Params count the initializers a box reads.
Model build_model(const onnx::ModelProto& model, const TensorShapes& shapes, bool raw);

}  // namespace strata::onnx_import
