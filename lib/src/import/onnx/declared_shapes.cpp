#include "import/onnx/declared_shapes.hpp"

#include <set>

#include "strata/error.hpp"
#include "strata/printable.hpp"

namespace strata::onnx_import {
namespace {

void check_value_info(const onnx::ValueInfoProto& info, const char* role,
                      const std::string& source_name) {
    if (!info.type().has_tensor_type() || !info.type().tensor_type().has_shape()) return;
    const auto& dims = info.type().tensor_type().shape().dim();
    for (int axis = 0; axis < dims.size(); ++axis) {
        const auto& dim = dims.Get(axis);
        if (!dim.has_dim_value() || dim.dim_value() >= 0) continue;
        throw Error(source_name, std::string(role) + " " + quoted_text(info.name()) + ": axis " +
                                     std::to_string(axis) + " has the dimension " +
                                     std::to_string(dim.dim_value()) +
                                     ", expected 0 or more (or a symbolic dim_param)");
    }
}

}  // namespace

void check_declared_shapes(const onnx::GraphProto& graph, const std::string& source_name) {
    for (const auto& input : graph.input()) check_value_info(input, "graph input", source_name);
    for (const auto& output : graph.output()) check_value_info(output, "graph output", source_name);
    for (const auto& info : graph.value_info()) check_value_info(info, "value_info", source_name);
}

void warn_empty_inputs(const onnx::GraphProto& graph, const std::string& source_name,
                       Warnings& warnings) {
    std::set<std::string> initializers;
    for (const auto& tensor : graph.initializer()) initializers.insert(tensor.name());
    for (const auto& input : graph.input()) {
        if (initializers.count(input.name()) || !input.type().has_tensor_type() ||
            !input.type().tensor_type().has_shape())
            continue;
        const auto& dims = input.type().tensor_type().shape().dim();
        for (int axis = 0; axis < dims.size(); ++axis) {
            if (!dims.Get(axis).has_dim_value() || dims.Get(axis).dim_value() != 0) continue;
            warnings.push_back({source_name, "graph input " + quoted_text(input.name()) +
                                                 ": axis " + std::to_string(axis) +
                                                 " has the dimension 0 (an empty tensor); its "
                                                 "box is drawn at the smallest size"});
            break;
        }
    }
}

}  // namespace strata::onnx_import
