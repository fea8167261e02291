#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <onnx/onnx_pb.h>

namespace strata::onnx_import {

// Refuses attributes no runtime could execute: a window (kernel_shape), step (strides),
// dilation or group of 0 or less, or negative padding (pads, output_padding) or output_shape,
// on a convolution or pooling node. ONNX's own shape inference divides by them or grows the
// map from them. Throws strata::Error naming `source_name` and the node.
void check_node_attributes(const onnx::GraphProto& graph, const std::string& source_name);

// The attribute `name` of `node`, nullptr when it has none.
const onnx::AttributeProto* find_attribute(const onnx::NodeProto& node, const std::string& name);
// An INT attribute, `fallback` when it is missing or of another type.
std::int64_t int_attribute(const onnx::NodeProto& node, const std::string& name,
                           std::int64_t fallback);
// An INTS attribute, nullopt when it is missing or of another type.
std::optional<std::vector<std::int64_t>> ints_attribute(const onnx::NodeProto& node,
                                                        const std::string& name);

// How a node is named in messages: "node 'conv1' (Conv)", the name shortened.
std::string node_description(const onnx::NodeProto& node);

}  // namespace strata::onnx_import
