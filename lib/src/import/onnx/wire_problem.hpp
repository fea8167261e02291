#pragma once

#include <string>
#include <string_view>

namespace strata::onnx_import {

// Why bytes that begin like an ONNX model are not one looks_like_onnx() accepts, in words with
// the byte offset where reading stopped ("the file ends inside the field that starts at byte
// 31: it declares 83 bytes, 12 remain"); model-local functions are named as unsupported.
std::string wire_problem(std::string_view bytes);

}  // namespace strata::onnx_import
