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
// Also throws ImpossibleValue, where ONNX's inference would leave the shape unknown silently,
// for an `axis` or `axes` attribute out of range for the input's rank (an axis twice), a
// convolution group that does not divide the channels, a blocksize below 1 or that does not
// divide the channels or sides (DepthToSpace, SpaceToDepth), Split parts that are negative or
// do not add up to the axis, a Resize scale that empties an axis
// and scales or sizes of another length than the axes they are for.
std::optional<Shape> checked_output_shape(const onnx::NodeProto& node, const KnownShapes& shapes,
                                          const Constants& constants, int opset);

}  // namespace strata::onnx_import
