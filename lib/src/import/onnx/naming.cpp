#include "import/onnx/naming.hpp"

#include <map>
#include <vector>

#include "import/onnx/node_attributes.hpp"

namespace strata::onnx_import {
namespace {

// Spatial rank of a node's first input (its rank less batch and channels), 2 when unknown.
std::size_t spatial_rank(const onnx::NodeProto& node, const TensorShapes& shapes) {
    if (node.input_size() < 1) return 2;
    auto it = shapes.shapes.find(node.input(0));
    if (it == shapes.shapes.end() || it->second.size() < 3 || it->second.size() > 5) return 2;
    return it->second.size() - 2;
}

std::string with_rank(const std::string& stem, std::size_t rank) {
    return stem + std::to_string(rank) + "D";
}

}  // namespace

std::string module_path(const std::string& node_name) {
    if (node_name.empty()) return {};
    if (node_name.find('/') == std::string::npos) return node_name;
    std::vector<std::string> scopes;
    std::size_t start = 0;
    while (start <= node_name.size()) {
        std::size_t end = node_name.find('/', start);
        if (end == std::string::npos) end = node_name.size();
        scopes.push_back(node_name.substr(start, end - start));
        start = end + 1;
    }
    scopes.pop_back();  // the op's own name ("Conv", "Add_1")
    std::vector<std::string> path;
    for (const std::string& scope : scopes) {
        if (scope.empty()) continue;
        // PyTorch writes children of a container with the container's name in front.
        if (!path.empty() && scope.rfind(path.back() + ".", 0) == 0) {
            path.back() = scope;
        } else {
            path.push_back(scope);
        }
    }
    std::string joined;
    for (const std::string& part : path) joined += (joined.empty() ? "" : ".") + part;
    return joined;
}

std::string keras_word(const onnx::NodeProto& node, const TensorShapes& shapes,
                       const KnownShapes& weights) {
    const std::string& op = node.op_type();
    const std::size_t rank = spatial_rank(node, shapes);
    if (op == "Conv") {
        const std::int64_t group = int_attribute(node, "group", 1);
        if (group > 1 && node.input_size() > 1) {
            auto w = weights.find(node.input(1));
            // Depthwise: one input channel per group.
            if (w != weights.end() && w->second.size() >= 2 && w->second[1] == 1)
                return with_rank("DepthwiseConv", rank);
        }
        return with_rank("Conv", rank);
    }
    if (op == "ConvTranspose") return with_rank("Conv", rank) + "Transpose";
    if (op == "MaxPool") return with_rank("MaxPooling", rank);
    if (op == "AveragePool") return with_rank("AveragePooling", rank);
    if (op == "GlobalAveragePool") return with_rank("GlobalAveragePooling", rank);
    if (op == "GlobalMaxPool") return with_rank("GlobalMaxPooling", rank);
    if (op == "Resize" || op == "Upsample") return with_rank("UpSampling", rank);
    if (op == "Pad") return with_rank("ZeroPadding", rank);
    static const std::map<std::string, std::string> same{
        {"Gemm", "Dense"},
        {"MatMul", "Dense"},
        {"Add", "Add"},
        {"Sum", "Add"},
        {"Sub", "Subtract"},
        {"Mul", "Multiply"},
        {"Concat", "Concatenate"},
        {"LSTM", "LSTM"},
        {"GRU", "GRU"},
        {"RNN", "SimpleRNN"},
        {"Softmax", "Softmax"},
        {"Flatten", "Flatten"},
        {"Reshape", "Reshape"},
        {"Dropout", "Dropout"},
        {"Max", "Maximum"},
        {"Min", "Minimum"},
        {"Mean", "Average"},
        {"Transpose", "Permute"},
        {"BatchNormalization", "BatchNormalization"},
        {"Relu", "ReLU"},
        {"ReduceMean", "GlobalAveragePooling2D"},
        {"LayerNormalization", "LayerNormalization"}};
    if (auto it = same.find(op); it != same.end()) return it->second;
    return op;
}

}  // namespace strata::onnx_import
