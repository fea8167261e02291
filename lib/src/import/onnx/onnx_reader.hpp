#pragma once

// The ONNX reader as the rest of strata sees it: no ONNX or protobuf type, so that a strata
// built without ONNX (STRATA_WITH_ONNX=OFF) still recognises an ONNX file and says why it
// cannot read it.

#include <string>
#include <string_view>

#include "strata/diagnostics.hpp"
#include "strata/model.hpp"

namespace strata {

// True when the bytes look like an ONNX model (a protobuf ModelProto with a graph).
bool looks_like_onnx(std::string_view bytes);

// Reads an ONNX model: its graph, the shape of every tensor (ONNX's inference in an isolated
// process, finished by constant propagation), folded into the boxes a figure shows unless
// `raw`. External data is never opened. Built without ONNX: throws "strata was built without
// ONNX support".
Model read_onnx(std::string_view bytes, const std::string& source_name, Warnings& warnings,
                bool raw = false);

}  // namespace strata
