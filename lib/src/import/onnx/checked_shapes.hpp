#pragma once

#include <optional>

#include <onnx/onnx_pb.h>

#include "import/onnx/constants.hpp"

namespace strata::onnx_import {

// Output shapes of the ops whose ONNX inference (1.12) does its arithmetic in 32 bits (Concat)
// or unchecked in 64 bits or in float (Reshape, Flatten, Pad, Tile; Conv, ConvTranspose,
// pooling, Resize, Upsample), recomputed with the checked arithmetic of shapes/dims.hpp.
// Throws ImpossibleValue when an output dimension would be above limits::kMaxDimension (the
// message is shapes::kDimensionTooLarge) or below 0. Returns the shape that replaces ONNX's
// for Concat, Reshape, Flatten, Pad and Tile; nullopt for the others (checked only, ONNX's
// shape stands), for any other op, and when something the node reads is not known.
std::optional<Shape> checked_output_shape(const onnx::NodeProto& node, const KnownShapes& shapes,
                                          const Constants& constants, int opset);

}  // namespace strata::onnx_import
