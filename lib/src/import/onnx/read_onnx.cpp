#include "import/onnx/read_onnx.hpp"

#include "import/limits.hpp"
#include "import/onnx/build_model.hpp"
#include "import/onnx/compact.hpp"
#include "import/onnx/tensor_shapes.hpp"
#include "import/onnx/utf8_text.hpp"
#include "strata/error.hpp"

namespace strata {
namespace onnx_import {

onnx::ModelProto parse_model_proto(std::string_view bytes, const std::string& source_name) {
    const std::string compact = without_bulk_weights(bytes);
    onnx::ModelProto model;
    // The protobuf library bounds its own recursion (nested subgraphs) at 100 levels.
    if (compact.empty() || !model.ParseFromString(compact) || !model.has_graph()) {
        throw Error(source_name, "not a valid ONNX model: the protobuf message cannot be read");
    }
    if (static_cast<std::size_t>(model.graph().node_size()) > limits::kMaxOnnxNodes) {
        throw Error(source_name, "the ONNX graph has more than " +
                                     std::to_string(limits::kMaxOnnxNodes) + " nodes");
    }
    return model;
}

}  // namespace onnx_import

bool looks_like_onnx(std::string_view bytes) {
    return onnx_import::looks_like_onnx(bytes);
}

Model read_onnx(std::string_view bytes, const std::string& source_name, Warnings& warnings,
                bool raw) {
    const onnx::ModelProto proto = onnx_import::parse_model_proto(bytes, source_name);
    const onnx_import::TensorShapes shapes = onnx_import::infer_tensor_shapes(proto, source_name);
    if (!shapes.checker_problem.empty()) {
        const std::string first_line =
            shapes.checker_problem.substr(0, shapes.checker_problem.find('\n'));
        warnings.push_back(
            {source_name, "ONNX's checker reports: " + onnx_import::clean_text(first_line, 400)});
    }
    Model model = onnx_import::build_model(proto, shapes, raw);
    model.name = onnx_import::clean_text(model.name, limits::kMaxNameLength);
    for (Layer& layer : model.layers)
        layer.name = onnx_import::clean_text(layer.name, limits::kMaxNameLength);
    if (model.layers.empty()) throw Error(source_name, "the ONNX graph has nothing to draw");
    return model;
}

}  // namespace strata
