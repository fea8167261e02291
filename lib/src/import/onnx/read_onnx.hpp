#pragma once

#include <string>
#include <string_view>

#include <onnx/onnx_pb.h>

#include "import/onnx/onnx_reader.hpp"

namespace strata::onnx_import {

// Parses a serialised ONNX model without the data of its large initializers (their dims stay),
// once its graph is within the import limits (checked on the wire; `raw`: one layer a node).
// Throws strata::Error naming `source_name` for bytes that are not an ONNX model or exceed a
// limit.
onnx::ModelProto parse_model_proto(std::string_view bytes, const std::string& source_name,
                                   bool raw = false);

}  // namespace strata::onnx_import
