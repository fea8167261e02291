#include "import/onnx/tensor_shapes.hpp"

#include <onnx/checker.h>
#include <onnx/defs/schema.h>
#include <onnx/shape_inference/implementation.h>

#include <set>
#include <unordered_map>

#include "import/isolated_call.hpp"
#include "import/onnx/checked_shapes.hpp"
#include "import/onnx/declared_shapes.hpp"
#include "import/onnx/graph_order.hpp"
#include "import/onnx/node_attributes.hpp"
#include "shapes/dims.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/printable.hpp"
#include "text/unicode_text.hpp"

namespace strata::onnx_import {
namespace {

// Values given to the symbolic input dimensions in the two evaluation runs. A dimension that
// comes out the same in both does not depend on them; one that differs is batch-derived.
// Distinct primes, larger than 1 so that no Squeeze mistakes a batch for a unit axis.
constexpr std::int64_t kSymbolValues[2][4] = {{5, 11, 17, 23}, {7, 13, 19, 29}};

std::string domain_of(const std::string& domain) {
    return domain == "ai.onnx" ? std::string() : domain;
}

onnx::TypeProto tensor_type(int elem_type, const Shape& shape) {
    onnx::TypeProto type;
    auto* tensor = type.mutable_tensor_type();
    tensor->set_elem_type(elem_type);
    auto* dims = tensor->mutable_shape();
    for (Dim d : shape) {
        auto* dim = dims->add_dim();
        if (d >= 0) dim->set_dim_value(d);
    }
    return type;
}

std::optional<Shape> shape_of(const onnx::TypeProto& type) {
    if (!type.has_tensor_type() || !type.tensor_type().has_shape()) return std::nullopt;
    Shape shape;
    for (const auto& dim : type.tensor_type().shape().dim())
        shape.push_back(dim.has_dim_value() && dim.dim_value() >= 0 ? dim.dim_value()
                                                                    : kUnknownDim);
    return shape;
}

// Ops whose output holds exactly the elements of their first input.
bool keeps_element_count(const std::string& op) {
    return op == "Reshape" || op == "Flatten" || op == "Squeeze" || op == "Unsqueeze" ||
           op == "Identity";
}

// The number of elements of a shape whose every dimension is known; nullopt when one is not
// known, or when the count does not fit in 63 bits (no tensor can have that many).
struct ElementCount {
    bool known = false;
    bool overflows = false;
    std::int64_t count = 1;
};

ElementCount element_count_of(const Shape& shape) {
    ElementCount result;
    for (Dim d : shape) {
        if (d < 0) return {};
        if (auto product = shapes::checked_mul(result.count, d)) {
            result.count = *product;
        } else {
            result.overflows = true;
        }
    }
    result.known = true;
    if (result.overflows) result.count = 0;
    return result;
}

std::string shape_text(const Shape& shape) {
    std::string text;
    for (Dim d : shape) text += (text.empty() ? "" : "\u00d7") + (d < 0 ? "?" : std::to_string(d));
    return text.empty() ? "a scalar" : text;
}

// One evaluation of the whole graph with the symbolic input dimensions set to numbers.
// Throws strata::Error for numbers no tensor can have: they come from the file (a dimension
// that wraps a 64-bit count, a Reshape that changes the number of elements), and ONNX's
// inference would pass them on wrapped.
class Evaluation {
  public:
    Evaluation(const onnx::ModelProto& model, int run, const std::string& source_name)
        : model_(model), run_(run), source_name_(source_name) {
        for (const auto& opset : model.opset_import())
            opsets_[domain_of(opset.domain())] = static_cast<int>(opset.version());
    }

    KnownShapes run() {
        const auto& graph = model_.graph();
        for (const auto& input : graph.input()) add_input(input);
        for (const auto& initializer : graph.initializer()) add_initializer(initializer);
        for (int index : topological_order(graph)) visit(graph.node(index));
        return std::move(shapes_);
    }

  private:
    Dim symbol_value(const std::string& symbol) {
        auto [it, added] = symbols_.emplace(symbol, symbols_.size());
        const std::size_t k = it->second % 4;
        return kSymbolValues[run_][k];
    }

    void set_type(const std::string& name, onnx::TypeProto type) {
        auto& slot = types_[name];
        slot = std::move(type);
        type_pointers_[name] = &slot;
        if (auto shape = shape_of(slot)) shapes_[name] = *shape;
    }

    void add_input(const onnx::ValueInfoProto& input) {
        if (!input.type().has_tensor_type()) return;
        onnx::TypeProto type = input.type();
        auto* tensor = type.mutable_tensor_type();
        if (tensor->has_shape()) {
            for (auto& dim : *tensor->mutable_shape()->mutable_dim()) {
                // 0 is an empty tensor, kept as it is (negative values were refused before).
                if (dim.has_dim_value() && dim.dim_value() >= 0) continue;
                const std::string symbol = dim.has_dim_param() ? dim.dim_param() : "?";
                dim.set_dim_value(symbol_value(symbol));
            }
        }
        set_type(input.name(), std::move(type));
        if (auto shape = shapes_.find(input.name()); shape != shapes_.end()) {
            if (element_count_of(shape->second).overflows) {
                throw Error(source_name_, "graph input " + quoted_text(input.name()) +
                                              " of shape " + shape_text(shape->second) +
                                              " has more elements than a tensor can hold");
            }
        }
    }

    void add_initializer(const onnx::TensorProto& tensor) {
        Shape dims(tensor.dims().begin(), tensor.dims().end());
        set_type(tensor.name(), tensor_type(tensor.data_type(), dims));
        if (auto value = constant_of(tensor)) constants_[tensor.name()] = std::move(*value);
    }

    void infer_types(const onnx::NodeProto& node) {
        const std::string domain = domain_of(node.domain());
        auto opset = opsets_.find(domain);
        if (opset == opsets_.end()) return;
        const auto* schema = onnx::OpSchemaRegistry::Schema(node.op_type(), opset->second, domain);
        if (!schema || !schema->has_type_and_shape_inference_function()) return;
        onnx::NodeProto copy = node;
        std::vector<onnx::TensorProto> data;
        data.reserve(static_cast<std::size_t>(node.input_size()));
        std::unordered_map<std::string, const onnx::TensorProto*> data_by_name;
        for (const auto& in : node.input()) {
            auto it = constants_.find(in);
            if (it == constants_.end() || data_by_name.count(in)) continue;
            data.push_back(tensor_proto_of(it->second, in));
            data_by_name[in] = &data.back();
        }
        onnx::shape_inference::InferenceContextImpl context(copy, type_pointers_, data_by_name, {},
                                                            nullptr, nullptr);
        try {
            schema->GetTypeAndShapeInferenceFunction()(context);
        } catch (...) {
            return;  // the op's own rules found the node inconsistent: its outputs stay unknown
        }
        for (int i = 0; i < node.output_size(); ++i) {
            const onnx::TypeProto* type = context.getOutputType(static_cast<std::size_t>(i));
            if (!node.output(i).empty() && type && type->has_tensor_type())
                set_type(node.output(i), *type);
        }
    }

    void visit(const onnx::NodeProto& node) {
        infer_types(node);
        check_arithmetic(node);
        auto values = evaluate_node(node);
        if (values) {
            for (std::size_t i = 0; i < values->size(); ++i) {
                const std::string& name = node.output(static_cast<int>(i));
                if (name.empty()) continue;
                ConstantTensor& value = (*values)[i];
                if (!shapes_.count(name) ||
                    shapes_[name] != Shape(value.dims.begin(), value.dims.end()))
                    set_type(name, tensor_type(value.data_type, value.dims));
                constants_[name] = std::move(value);
            }
        } else if (node.op_type() == "Range" && node.output_size() > 0) {
            // Too long to evaluate: its length is still exact, where ONNX's wraps.
            if (auto length = range_length(node, constants_))
                set_type(node.output(0), tensor_type(onnx::TensorProto::INT64, {*length}));
        }
        check_outputs(node);
    }

    // ONNX's inference sums some dimensions in 32 bits and multiplies others unchecked: the
    // shapes it gets wrong that way are recomputed, and a dimension above 2^40 is refused.
    void check_arithmetic(const onnx::NodeProto& node) {
        const auto opset = opsets_.find(domain_of(node.domain()));
        if (opset == opsets_.end()) return;
        std::optional<Shape> shape;
        try {
            shape = checked_output_shape(node, shapes_, constants_, opset->second);
        } catch (const ImpossibleValue& e) {
            throw Error(source_name_, node_description(node) + ": " + e.what());
        }
        if (!shape) return;
        const std::string& output = node.output(0);
        auto known = types_.find(output);
        const int elem_type = known != types_.end() && known->second.has_tensor_type()
                                  ? known->second.tensor_type().elem_type()
                                  : onnx::TensorProto::FLOAT;
        set_type(output, tensor_type(elem_type, *shape));
    }

    std::optional<std::vector<ConstantTensor>> evaluate_node(const onnx::NodeProto& node) {
        try {
            return evaluate(node, constants_, shapes_);
        } catch (const ImpossibleValue& e) {
            throw Error(source_name_, node_description(node) + ": " + e.what());
        }
    }

    // Every output has dimensions from 0 to 2^40 whose product fits in 63 bits; an op that
    // only rearranges its input keeps the number of elements.
    void check_outputs(const onnx::NodeProto& node) {
        for (const std::string& output : node.output()) {
            auto type = types_.find(output);
            if (output.empty() || type == types_.end() || !type->second.has_tensor_type()) continue;
            for (const auto& dim : type->second.tensor_type().shape().dim()) {
                if (dim.has_dim_value() && dim.dim_value() < 0)
                    throw Error(source_name_, node_description(node) + ": output " +
                                                  quoted_text(output) +
                                                  " gets the negative dimension " +
                                                  std::to_string(dim.dim_value()));
            }
            auto shape = shapes_.find(output);
            if (shape == shapes_.end()) continue;
            const ElementCount count = element_count_of(shape->second);
            if (count.overflows)
                throw Error(source_name_, node_description(node) + ": output " +
                                              quoted_text(output) + " of shape " +
                                              shape_text(shape->second) +
                                              " has more elements than a tensor can hold");
            for (Dim d : shape->second) {
                if (d > limits::kMaxDimension)
                    throw Error(source_name_, node_description(node) + ": output " +
                                                  quoted_text(output) + " gets the dimension " +
                                                  std::to_string(d) + ", more than 2^40");
            }
            if (!keeps_element_count(node.op_type()) || node.input_size() < 1 || !count.known)
                continue;
            auto input = shapes_.find(node.input(0));
            if (input == shapes_.end()) continue;
            const ElementCount before = element_count_of(input->second);
            if (before.known && before.count != count.count)
                throw Error(source_name_, node_description(node) + ": turns " +
                                              std::to_string(before.count) + " elements (" +
                                              shape_text(input->second) + ") into " +
                                              std::to_string(count.count) + " (" +
                                              shape_text(shape->second) + ")");
        }
    }

    const onnx::ModelProto& model_;
    int run_;
    const std::string& source_name_;
    std::map<std::string, int> opsets_;
    std::map<std::string, std::size_t> symbols_;
    std::unordered_map<std::string, onnx::TypeProto> types_;
    std::unordered_map<std::string, onnx::TypeProto*> type_pointers_;
    KnownShapes shapes_;
    Constants constants_;
};

// ONNX's checker on a copy that cannot lead it to any file: initializers become plain graph
// inputs (dims and type only) and tensors in attributes lose their external-data references.
std::string checker_problem(const onnx::ModelProto& model) {
    onnx::ModelProto copy = model;
    auto* graph = copy.mutable_graph();
    std::set<std::string> inputs;
    for (const auto& input : graph->input()) inputs.insert(input.name());
    for (const auto& tensor : graph->initializer()) {
        if (inputs.count(tensor.name())) continue;
        auto* input = graph->add_input();
        input->set_name(tensor.name());
        *input->mutable_type() =
            tensor_type(tensor.data_type(), Shape(tensor.dims().begin(), tensor.dims().end()));
    }
    graph->clear_initializer();
    graph->clear_sparse_initializer();
    for (auto& node : *graph->mutable_node()) {
        for (auto& attribute : *node.mutable_attribute()) {
            if (attribute.has_t() && attribute.t().data_location() == onnx::TensorProto::EXTERNAL) {
                attribute.mutable_t()->clear_external_data();
                attribute.mutable_t()->set_data_location(onnx::TensorProto::DEFAULT);
            }
            // Subgraphs may hold external tensors of their own: they are not checked.
            attribute.clear_g();
            attribute.clear_graphs();
        }
    }
    try {
        onnx::checker::check_model(copy);
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

std::string infer_in_child(const onnx::ModelProto& model, const std::string& source_name) {
    onnx::GraphProto result;
    result.set_doc_string(checker_problem(model));
    KnownShapes first = Evaluation(model, 0, source_name).run();
    KnownShapes second = Evaluation(model, 1, source_name).run();
    for (const auto& [name, shape] : first) {
        auto other = second.find(name);
        if (other == second.end() || other->second.size() != shape.size()) continue;
        Shape merged = shape;
        for (std::size_t i = 0; i < merged.size(); ++i)
            if (other->second[i] != merged[i]) merged[i] = kUnknownDim;
        auto* info = result.add_value_info();
        info->set_name(name);
        *info->mutable_type() = tensor_type(onnx::TensorProto::FLOAT, merged);
    }
    return result.SerializeAsString();
}

}  // namespace

TensorShapes infer_tensor_shapes(const onnx::ModelProto& model, const std::string& source_name) {
    check_declared_shapes(model.graph(), source_name);
    check_node_attributes(model.graph(), source_name);
    const std::string bytes = run_isolated(
        [&] { return infer_in_child(model, source_name); }, source_name,
        "ONNX's checker or shape inference failed on this model (it crashed or ran out of "
        "time or memory)");
    onnx::GraphProto result;
    if (!result.ParseFromString(bytes)) {
        throw Error(source_name, "ONNX shape inference returned an unreadable result");
    }
    TensorShapes out;
    out.checker_problem = result.doc_string();
    for (const auto& info : result.value_info())
        if (auto shape = shape_of(info.type())) out.shapes[info.name()] = *shape;
    return out;
}

}  // namespace strata::onnx_import
