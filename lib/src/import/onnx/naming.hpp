#pragma once

#include <string>

#include <onnx/onnx_pb.h>

#include "import/onnx/tensor_shapes.hpp"

namespace strata::onnx_import {

// The module path of a node exported from PyTorch: "/layer1/layer1.0/conv1/Conv" →
// "layer1.0.conv1", "/features/features.1/features.1.0/norm1/ReduceMean" →
// "features.1.0.norm1". A node without scopes ("Conv_0") gives its own name; a node without
// a name gives "".
std::string module_path(const std::string& node_name);

// The Keras class a figure should call a node by (Conv2D, DepthwiseConv2D, MaxPooling2D,
// Dense, Add, Concatenate ...), so that colours and legends work as for Keras models. Ops
// without a Keras counterpart keep their ONNX name.
std::string keras_word(const onnx::NodeProto& node, const TensorShapes& shapes,
                       const KnownShapes& weights);

}  // namespace strata::onnx_import
