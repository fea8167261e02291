#pragma once

#include <vector>

#include <onnx/onnx_pb.h>

namespace strata::onnx_import {

// Indices of the graph's nodes with every producer before its consumers; the file's order
// where it already is one. Nodes on a cycle (or fed by one) are left out.
std::vector<int> topological_order(const onnx::GraphProto& graph);

}  // namespace strata::onnx_import
