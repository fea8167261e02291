#pragma once

// Small ONNX graphs built in memory: graph inputs of given shapes, integer initializers and
// nodes, for the tests of ONNX shape inference.
#include <cstdint>
#include <string>
#include <vector>

#include <onnx/onnx_pb.h>

#include "strata/model.hpp"

namespace strata::testing {

struct GraphBuilder {
    onnx::ModelProto model;
    onnx::GraphProto* graph;

    GraphBuilder() : graph(model.mutable_graph()) {
        model.set_ir_version(8);
        auto* opset = model.add_opset_import();
        opset->set_domain("");
        opset->set_version(13);
        graph->set_name("g");
    }

    void input(const std::string& name, const strata::Shape& dims) {
        auto* info = graph->add_input();
        info->set_name(name);
        auto* tensor = info->mutable_type()->mutable_tensor_type();
        tensor->set_elem_type(onnx::TensorProto::FLOAT);
        for (auto d : dims) tensor->mutable_shape()->add_dim()->set_dim_value(d);
    }

    void ints(const std::string& name, const std::vector<std::int64_t>& values, bool scalar) {
        auto* tensor = graph->add_initializer();
        tensor->set_name(name);
        tensor->set_data_type(onnx::TensorProto::INT64);
        if (!scalar) tensor->add_dims(static_cast<std::int64_t>(values.size()));
        for (auto v : values) tensor->add_int64_data(v);
    }

    void floats(const std::string& name, const std::vector<float>& values) {
        auto* tensor = graph->add_initializer();
        tensor->set_name(name);
        tensor->set_data_type(onnx::TensorProto::FLOAT);
        tensor->add_dims(static_cast<std::int64_t>(values.size()));
        for (auto v : values) tensor->add_float_data(v);
    }

    onnx::NodeProto* node(const std::string& op, const std::vector<std::string>& inputs,
                          const std::string& output) {
        auto* node = graph->add_node();
        node->set_op_type(op);
        node->set_name(op + "_node");
        for (const auto& in : inputs) node->add_input(in);
        node->add_output(output);
        graph->add_output()->set_name(output);
        return node;
    }

    static void int_attribute(onnx::NodeProto* node, const std::string& name, std::int64_t value) {
        auto* a = node->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INT);
        a->set_i(value);
    }

    static void ints_attribute(onnx::NodeProto* node, const std::string& name,
                               const std::vector<std::int64_t>& values) {
        auto* a = node->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INTS);
        for (auto v : values) a->add_ints(v);
    }
};

}  // namespace strata::testing
