#pragma once

#include <string>
#include <string_view>

#include <onnx/onnx_pb.h>

#include "strata/diagnostics.hpp"
#include "strata/model.hpp"

namespace strata::onnx_import {

// Parses a serialised ONNX model without the data of its large initializers (their dims stay),
// once its graph is within the import limits (checked on the wire; `raw`: one layer a node).
// Throws strata::Error naming `source_name` for bytes that are not an ONNX model or exceed a
// limit.
onnx::ModelProto parse_model_proto(std::string_view bytes, const std::string& source_name,
                                   bool raw = false);

}  // namespace strata::onnx_import

namespace strata {

// True when the bytes look like an ONNX model (a protobuf ModelProto with a graph).
bool looks_like_onnx(std::string_view bytes);

// Reads an ONNX model: its graph, the shape of every tensor (ONNX's inference in an isolated
// process, finished by constant propagation), folded into the boxes a figure shows unless
// `raw`. External data is never opened.
Model read_onnx(std::string_view bytes, const std::string& source_name, Warnings& warnings,
                bool raw = false);

}  // namespace strata
