#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace strata::onnx_import {

// True when the bytes are a serialised ONNX ModelProto: a well-formed top-level protobuf
// message that starts with one of its fields and holds a graph.
bool looks_like_onnx(std::string_view bytes);

// Graph initializers up to this size (the whole TensorProto) keep their data in the copy below.
inline constexpr std::size_t kKeptTensorBytes = 64 * 1024;

// A copy of an ONNX model without the data of its large graph initializers (their names, types
// and dims stay): drawing needs only shapes, and the copy is small whatever the weights weigh.
// Small initializers keep their data, for they may hold shapes (a Reshape target).
// Returns an empty string for bytes that are not a well-formed protobuf message.
std::string without_bulk_weights(std::string_view bytes);

}  // namespace strata::onnx_import
