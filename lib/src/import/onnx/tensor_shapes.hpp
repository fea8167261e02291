#pragma once

#include <string>

#include <onnx/onnx_pb.h>

#include "import/onnx/constants.hpp"

namespace strata::onnx_import {

struct TensorShapes {
    // The shape of every tensor whose rank is known, by name. A dimension that depends on a
    // symbolic input dimension (the batch "N", or "2*N") is kUnknownDim, as Keras' None.
    KnownShapes shapes;
    // What ONNX's checker says is wrong with the model; empty when it accepts it.
    std::string checker_problem;
};

// The shapes of every tensor of the model's main graph: ONNX's own per-operator inference,
// finished by constant propagation where the graph computes shapes at run time. ONNX's
// checker and inference run in an isolated child process (they crash on some crafted files);
// neither ever opens external data. Throws strata::Error naming `source_name` when the child
// fails.
TensorShapes infer_tensor_shapes(const onnx::ModelProto& model, const std::string& source_name);

}  // namespace strata::onnx_import
