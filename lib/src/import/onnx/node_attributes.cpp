#include "import/onnx/node_attributes.hpp"

#include <array>
#include <string_view>

#include "strata/error.hpp"
#include "strata/printable.hpp"
#include "text/unicode_text.hpp"

namespace strata::onnx_import {
namespace {

// The ops whose windows and steps ONNX's inference divides by.
constexpr std::array<std::string_view, 9> kWindowedOps = {
    "Conv",        "ConvTranspose", "ConvInteger", "QLinearConv", "MaxPool",
    "AveragePool", "LpPool",        "MaxUnpool",   "DeformConv"};

// The smallest value each attribute may hold.
struct AttributeFloor {
    std::string_view name;
    std::int64_t least;
};
// group divides the channels (ConvTranspose multiplies by it): 0 gives no channels and a
// negative value negative ones. output_padding and output_shape lengthen a ConvTranspose.
constexpr std::array<AttributeFloor, 7> kFloors = {{{"kernel_shape", 1},
                                                    {"strides", 1},
                                                    {"dilations", 1},
                                                    {"pads", 0},
                                                    {"group", 1},
                                                    {"output_padding", 0},
                                                    {"output_shape", 0}}};

bool is_windowed(const std::string& op) {
    for (std::string_view known : kWindowedOps)
        if (op == known) return true;
    return false;
}

}  // namespace

const onnx::AttributeProto* find_attribute(const onnx::NodeProto& node, const std::string& name) {
    for (const auto& a : node.attribute())
        if (a.name() == name) return &a;
    return nullptr;
}

std::int64_t int_attribute(const onnx::NodeProto& node, const std::string& name,
                           std::int64_t fallback) {
    const auto* a = find_attribute(node, name);
    return a && a->type() == onnx::AttributeProto::INT ? a->i() : fallback;
}

std::optional<std::vector<std::int64_t>> ints_attribute(const onnx::NodeProto& node,
                                                        const std::string& name) {
    const auto* a = find_attribute(node, name);
    if (!a || a->type() != onnx::AttributeProto::INTS) return std::nullopt;
    return std::vector<std::int64_t>(a->ints().begin(), a->ints().end());
}

std::string node_description(const onnx::NodeProto& node) {
    const std::string name =
        node.name().empty() ? std::string("(unnamed)") : quoted_text(node.name());
    return "node " + name + " (" + printable_text(node.op_type()) + ")";
}

void check_node_attributes(const onnx::GraphProto& graph, const std::string& source_name) {
    for (const onnx::NodeProto& node : graph.node()) {
        if (!is_windowed(node.op_type())) continue;
        for (const onnx::AttributeProto& attribute : node.attribute()) {
            for (const AttributeFloor& floor : kFloors) {
                if (attribute.name() != floor.name) continue;
                std::vector<std::int64_t> values(attribute.ints().begin(), attribute.ints().end());
                if (attribute.type() == onnx::AttributeProto::INT) values.push_back(attribute.i());
                for (std::int64_t value : values) {
                    if (value >= floor.least) continue;
                    throw Error(source_name, node_description(node) + ": " +
                                                 std::string(floor.name) + " holds " +
                                                 std::to_string(value) + ", expected " +
                                                 std::to_string(floor.least) + " or more");
                }
            }
        }
    }
}

}  // namespace strata::onnx_import
