#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <onnx/onnx_pb.h>

#include "strata/model.hpp"

// Constant propagation over the small integer and float tensors an exported graph computes
// its shapes with (Shape → Gather → Concat → Reshape): ONNX's own inference stops where such
// a tensor is not an initializer, this evaluation finishes the job.
namespace strata::onnx_import {

struct ConstantTensor {
    std::vector<std::int64_t> dims;
    std::vector<double> values;  // exact for integers up to 2^53, far beyond any dimension
    int data_type = onnx::TensorProto::INT64;
};

using Constants = std::map<std::string, ConstantTensor>;
using KnownShapes = std::map<std::string, Shape>;

// The value of a tensor stored in the file, if it is small and its data is in the file.
std::optional<ConstantTensor> constant_of(const onnx::TensorProto& tensor);

// The tensor proto of a constant, for inference functions that read input data.
onnx::TensorProto tensor_proto_of(const ConstantTensor& constant, const std::string& name);

// A node whose numbers describe no tensor (a Range longer than 2^63 - 1 elements). The
// message says what is wrong; the caller names the node.
class ImpossibleValue : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The length of a Range node's output when its start, limit and delta are known scalars.
// Throws ImpossibleValue when delta is 0 or the length does not fit in 63 bits.
std::optional<std::int64_t> range_length(const onnx::NodeProto& node, const Constants& constants);

// Evaluates `node` when everything it reads is known (constant inputs; for Shape and Size the
// input's shape). Returns one value per output, or nullopt.
std::optional<std::vector<ConstantTensor>> evaluate(const onnx::NodeProto& node,
                                                    const Constants& constants,
                                                    const KnownShapes& shapes);

}  // namespace strata::onnx_import
