#include "import/onnx/read_onnx.hpp"

#include "import/onnx/build_model.hpp"
#include "import/onnx/compact.hpp"
#include "import/onnx/declared_shapes.hpp"
#include "import/onnx/tensor_shapes.hpp"
#include "import/onnx/utf8_text.hpp"
#include "import/onnx/wire_limits.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/printable.hpp"

namespace strata {
namespace onnx_import {
namespace {

// The layers and shapes a graph gave, against the limits every reader keeps: folding decides
// how many boxes there are, and inference what the shapes are.
void check_model_limits(const Model& model, const std::string& source_name) {
    if (model.layers.size() > limits::kMaxLayers) {
        throw Error(source_name, "more than " + std::to_string(limits::kMaxLayers) +
                                     " layers: the ONNX graph draws " +
                                     std::to_string(model.layers.size()) + " boxes");
    }
    for (const Layer& layer : model.layers) {
        for (const Shape& shape : layer.shapes) {
            if (shape.size() > limits::kMaxRank) {
                throw Error(source_name, "the output of " + quoted_text(layer.name) + " has " +
                                             std::to_string(shape.size()) +
                                             " dimensions (at most " +
                                             std::to_string(limits::kMaxRank) + ")");
            }
        }
    }
}

}  // namespace

onnx::ModelProto parse_model_proto(std::string_view bytes, const std::string& source_name,
                                   bool raw) {
    check_wire_limits(bytes, source_name, raw);
    const std::string compact = without_bulk_weights(bytes);
    onnx::ModelProto model;
    // The protobuf library bounds its own recursion (nested subgraphs) at 100 levels.
    if (compact.empty() || !model.ParseFromString(compact) || !model.has_graph()) {
        throw Error(source_name, "not a valid ONNX model: the protobuf message cannot be read");
    }
    return model;
}

}  // namespace onnx_import

bool looks_like_onnx(std::string_view bytes) {
    return onnx_import::looks_like_onnx(bytes);
}

Model read_onnx(std::string_view bytes, const std::string& source_name, Warnings& warnings,
                bool raw) {
    const onnx::ModelProto proto = onnx_import::parse_model_proto(bytes, source_name, raw);
    const onnx_import::TensorShapes shapes = onnx_import::infer_tensor_shapes(proto, source_name);
    if (!shapes.checker_problem.empty()) {
        const std::string first_line =
            shapes.checker_problem.substr(0, shapes.checker_problem.find('\n'));
        warnings.push_back({source_name, "ONNX's checker reports: " + printable_text(first_line)});
    }
    onnx_import::warn_empty_inputs(proto.graph(), source_name, warnings);
    Model model = onnx_import::build_model(proto, shapes, raw);
    // Model names have one limit in every format: a longer one is refused, not cut.
    if (model.name.size() > limits::kMaxNameLength) {
        throw Error(source_name,
                    std::string(proto.graph().name().empty() ? "producer_name" : "graph.name") +
                        ": longer than " + std::to_string(limits::kMaxNameLength) + " bytes");
    }
    model.name = onnx_import::clean_text(model.name, limits::kMaxNameLength);
    for (Layer& layer : model.layers)
        layer.name = onnx_import::clean_text(layer.name, limits::kMaxNameLength);
    onnx_import::check_model_limits(model, source_name);
    if (model.layers.empty()) throw Error(source_name, "the ONNX graph has nothing to draw");
    return model;
}

}  // namespace strata
