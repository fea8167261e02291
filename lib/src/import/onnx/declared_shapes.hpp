#pragma once

#include <string>

#include <onnx/onnx_pb.h>

#include "strata/diagnostics.hpp"

namespace strata::onnx_import {

// Refuses a negative dim_value in the shapes the graph declares (inputs, outputs, value_info):
// ONNX has no meaning for it, and taken as a number it would reach the drawing as a size.
// Throws strata::Error naming `source_name`, the tensor and the axis. A dim_value of 0 is an
// empty tensor, legal in ONNX, and a dim_param (or no value) a symbolic dimension: both stay.
void check_declared_shapes(const onnx::GraphProto& graph, const std::string& source_name);

// One warning per graph input (not an initializer) that declares a dimension of 0: a box of
// size 0 cannot be seen, so it is drawn at the smallest size, as a Keras dimension of 0 is.
void warn_empty_inputs(const onnx::GraphProto& graph, const std::string& source_name,
                       Warnings& warnings);

}  // namespace strata::onnx_import
