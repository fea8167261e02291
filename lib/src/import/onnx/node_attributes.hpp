#pragma once

#include <string>

#include <onnx/onnx_pb.h>

namespace strata::onnx_import {

// Refuses attributes no runtime could execute: a window (kernel_shape), step (strides) or
// dilation of 0 or less, or negative padding, on a convolution or pooling node. ONNX's own
// shape inference divides by them or grows the map from them. Throws strata::Error naming
// `source_name` and the node.
void check_node_attributes(const onnx::GraphProto& graph, const std::string& source_name);

// How a node is named in messages: "node 'conv1' (Conv)", the name shortened.
std::string node_description(const onnx::NodeProto& node);

}  // namespace strata::onnx_import
