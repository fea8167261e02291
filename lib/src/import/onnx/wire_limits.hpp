#pragma once

#include <string>
#include <string_view>

namespace strata::onnx_import {

// Checks an ONNX model's graph against the import limits on the protobuf wire, before the
// protobuf library parses it (a parsed message takes tens of times its bytes): the number of
// nodes (`raw`: at most limits::kMaxLayers, one layer each), the items parsing would allocate
// (limits::kMaxOnnxGraphItems: nodes, their inputs, outputs, attributes and list elements,
// declared tensors and their dimensions, in subgraphs too), the rank of every declared shape
// and initializer (limits::kMaxRank) and every declared dimension (limits::kMaxDimension).
// Throws strata::Error naming the limit; malformed bytes are left to the parser.
void check_wire_limits(std::string_view model_bytes, const std::string& source_name, bool raw);

}  // namespace strata::onnx_import
