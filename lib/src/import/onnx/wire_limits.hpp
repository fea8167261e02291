#pragma once

#include <string>
#include <string_view>

namespace strata::onnx_import {

// Checks an ONNX model against the import limits on the protobuf wire, before the protobuf
// library parses it (a parsed message takes tens of times its bytes): the number of nodes
// (limits::kMaxOnnxNodes; `raw`: at most limits::kMaxLayers, one layer each), of declared
// tensors of each kind (limits::kMaxOnnxGraphTensors: graph inputs, outputs, value_info,
// initializers), of main-graph inputs no initializer gives (each is a layer:
// limits::kMaxLayers), of the outputs and of the inputs of all the nodes together (as many
// outputs as declared tensors of one kind, four inputs a node; the message names the node that
// passes the bound), of the fields and list elements parsing would allocate
// (limits::kMaxOnnxGraphItems, fields protobuf does not know included), all in subgraphs and
// functions too; the rank of every declared shape and initializer (limits::kMaxRank) and
// every declared dimension (limits::kMaxDimension). Weight payloads are skipped by length.
// Throws strata::Error naming the limit; malformed bytes are left to the parser.
void check_wire_limits(std::string_view model_bytes, const std::string& source_name, bool raw);

}  // namespace strata::onnx_import
