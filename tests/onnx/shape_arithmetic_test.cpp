// The shapes ONNX's own inference computes in 32 bits or unchecked, fed the extreme dimensions
// a hostile file can state: a result up to 2^40 is exact, one above it is an error naming the
// node; nothing wraps around.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <onnx/onnx_pb.h>

#include "graph_builder.hpp"
#include "import/onnx/tensor_shapes.hpp"
#include "strata/error.hpp"

namespace {

using strata::Dim;
using strata::Shape;
using strata::testing::GraphBuilder;

__extension__ typedef __int128 Wide;  // the exact result, even past 64 bits
constexpr Wide kLimit = Wide{1} << 40;

const std::vector<Dim> kExtremes = {Dim{1} << 30, Dim{1} << 31, Dim{1} << 32,
                                    Dim{1} << 35, Dim{1} << 40, (Dim{1} << 40) + 1,
                                    Dim{1} << 62, -1,           0};

// One op: its graph built around `d`, the axis of its output "y" to look at and what that axis
// must be; nullopt when the graph is an error whatever the limit.
struct OpCase {
    std::string op;
    std::function<void(GraphBuilder&, Dim)> build;
    std::size_t axis;
    std::function<std::optional<Wide>(Dim)> expected;
};

// A graph input's dimension of 0 is an empty tensor; a negative one is refused (by the graph
// input's name, before any node).
std::function<std::optional<Wide>(Dim)> of_input(std::function<Wide(Wide)> f) {
    return [f](Dim d) { return d < 0 ? std::nullopt : std::optional<Wide>(f(Wide{d})); };
}

const std::vector<OpCase>& op_cases() {
    static const std::vector<OpCase> cases = {
        {"Concat",
         [](GraphBuilder& g, Dim d) {
             g.input("x", {d});
             auto* node = g.node("Concat", {"x", "x"}, "y");
             GraphBuilder::int_attribute(node, "axis", 0);
         },
         0, of_input([](Wide d) { return 2 * d; })},
        {"Pad",
         [](GraphBuilder& g, Dim d) {
             g.input("x", {d});
             g.ints("pads", {1, 2}, false);
             g.node("Pad", {"x", "pads"}, "y");
         },
         0, of_input([](Wide d) { return d + 3; })},
        {"Pad",
         [](GraphBuilder& g, Dim d) {
             g.input("x", {4});
             g.ints("pads", {d, 0}, false);
             g.node("Pad", {"x", "pads"}, "y");
         },
         0, [](Dim d) { return std::optional<Wide>(Wide{d} + 4); }},
        {"Tile",
         [](GraphBuilder& g, Dim d) {
             g.input("x", {d});
             g.ints("repeats", {3}, false);
             g.node("Tile", {"x", "repeats"}, "y");
         },
         0, of_input([](Wide d) { return 3 * d; })},
        {"Tile",
         [](GraphBuilder& g, Dim d) {
             g.input("x", {4});
             g.ints("repeats", {d}, false);
             g.node("Tile", {"x", "repeats"}, "y");
         },
         0, [](Dim d) { return d < 0 ? std::nullopt : std::optional<Wide>(Wide{d} * 4); }},
        {"Reshape",
         [](GraphBuilder& g, Dim d) {
             g.input("x", {d, 3});
             g.ints("shape", {-1}, false);
             g.node("Reshape", {"x", "shape"}, "y");
         },
         0, of_input([](Wide d) { return 3 * d; })},
        {"Flatten",
         [](GraphBuilder& g, Dim d) {
             g.input("x", {d, 3});
             auto* node = g.node("Flatten", {"x"}, "y");
             GraphBuilder::int_attribute(node, "axis", 0);
         },
         1, of_input([](Wide d) { return 3 * d; })},
        {"Conv",
         [](GraphBuilder& g, Dim d) {
             g.input("x", {1, 1, d});
             g.ints("w", {1}, false);
             g.graph->mutable_initializer(0)->add_dims(1);
             g.graph->mutable_initializer(0)->add_dims(1);
             auto* node = g.node("Conv", {"x", "w"}, "y");
             GraphBuilder::ints_attribute(node, "pads", {1, 1});
         },
         2, of_input([](Wide d) { return d + 2; })},
        {"MaxPool",
         [](GraphBuilder& g, Dim d) {
             g.input("x", {1, 1, d});
             auto* node = g.node("MaxPool", {"x"}, "y");
             GraphBuilder::ints_attribute(node, "kernel_shape", {1});
             GraphBuilder::ints_attribute(node, "pads", {2, 2});
         },
         2, of_input([](Wide d) { return d + 4; })},
        {"ConvTranspose",
         [](GraphBuilder& g, Dim d) {
             g.input("x", {1, 1, d});
             g.ints("w", {0, 0, 0}, false);
             g.graph->mutable_initializer(0)->clear_dims();
             for (Dim side : {1, 1, 3}) g.graph->mutable_initializer(0)->add_dims(side);
             auto* node = g.node("ConvTranspose", {"x", "w"}, "y");
             GraphBuilder::ints_attribute(node, "strides", {2});
         },
         2, of_input([](Wide d) { return 2 * (d - 1) + 3; })},
        {"Resize",
         [](GraphBuilder& g, Dim d) {
             g.input("x", {1, 1, d});
             g.floats("scales", {1, 1, 2});
             g.node("Resize", {"x", "", "scales"}, "y");
         },
         2, of_input([](Wide d) { return 2 * d; })},
    };
    return cases;
}

void check_op(const OpCase& c, Dim d) {
    GraphBuilder g;
    c.build(g, d);
    const std::optional<Wide> expected = c.expected(d);
    std::string error;
    strata::onnx_import::TensorShapes shapes;
    try {
        shapes = strata::onnx_import::infer_tensor_shapes(g.model, "model.onnx");
    } catch (const strata::Error& e) {
        error = e.message();
    }
    if (expected && *expected <= kLimit) {
        BOOST_TEST(error.empty(), error);
        BOOST_TEST(shapes.shapes.count("y") == 1u);
        if (shapes.shapes.count("y") == 0 || shapes.shapes.at("y").size() <= c.axis) return;
        BOOST_TEST(shapes.shapes.at("y")[c.axis] == static_cast<Dim>(*expected));
        return;
    }
    // An input of more than 2^63 elements, or with a negative dimension, is refused before
    // any node.
    if (error.starts_with("graph input 'x'") && d > (Dim{1} << 40)) return;
    if (error.starts_with("graph input 'x': axis ") && d < 0) return;
    BOOST_TEST(error.find("node '" + c.op + "_node' (" + c.op + ")") == 0u, error);
    if (expected)
        BOOST_TEST((error.find("exceeds 2^40") != std::string::npos ||
                    error.find("more than 2^40") != std::string::npos),
                   error);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(onnx_shape_arithmetic)

BOOST_AUTO_TEST_CASE(results_are_exact_up_to_2_to_40_and_errors_above) {
    for (const OpCase& c : op_cases()) {
        for (Dim d : kExtremes) {
            BOOST_TEST_CONTEXT(c.op << " with " << d) {
                check_op(c, d);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(concat_does_not_sum_in_32_bits) {
    // 3 × 2^31: ONNX's int sum wraps it.
    GraphBuilder g;
    g.input("x", {Dim{1} << 31});
    auto* node = g.node("Concat", {"x", "x", "x"}, "y");
    GraphBuilder::int_attribute(node, "axis", 0);
    const auto shapes = strata::onnx_import::infer_tensor_shapes(g.model, "model.onnx");
    BOOST_TEST(shapes.shapes.at("y") == (Shape{Dim{3} << 31}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_negative_tile_repeat_is_refused_not_wrapped) {
    // 8 x -2^61 wraps to 0 in ONNX's unchecked product.
    GraphBuilder g;
    g.input("x", {1, 8});
    g.ints("repeats", {1, -(Dim{1} << 61)}, false);
    g.node("Tile", {"x", "repeats"}, "y")->set_name("t");
    try {
        strata::onnx_import::infer_tensor_shapes(g.model, "model.onnx");
        BOOST_ERROR("no error");
    } catch (const strata::Error& e) {
        BOOST_TEST(e.message().find("node 't' (Tile): repeats[1] is negative") == 0u, e.message());
    }
}

BOOST_AUTO_TEST_CASE(a_reshape_that_cannot_hold_its_input_is_refused) {
    // [1, 8] to [3, -1]: no -1 makes 8 elements; a second -1 means nothing.
    for (const std::vector<Dim>& target : {std::vector<Dim>{3, -1}, std::vector<Dim>{-1, -1}}) {
        GraphBuilder g;
        g.input("x", {1, 8});
        g.ints("shape", target, false);
        g.node("Reshape", {"x", "shape"}, "y")->set_name("r");
        try {
            strata::onnx_import::infer_tensor_shapes(g.model, "model.onnx");
            BOOST_ERROR("no error");
        } catch (const strata::Error& e) {
            BOOST_TEST(e.message().find("node 'r' (Reshape): the target shape") == 0u, e.message());
        }
    }
}

BOOST_AUTO_TEST_CASE(the_error_names_the_node_and_the_limit) {
    GraphBuilder g;
    g.input("x", {Dim{1} << 40});
    auto* node = g.node("Concat", {"x", "x"}, "y");
    node->set_name("c");
    GraphBuilder::int_attribute(node, "axis", 0);
    try {
        strata::onnx_import::infer_tensor_shapes(g.model, "model.onnx");
        BOOST_ERROR("no error");
    } catch (const strata::Error& e) {
        BOOST_TEST(e.message() == "node 'c' (Concat): an output dimension exceeds 2^40");
    }
}

BOOST_AUTO_TEST_SUITE_END()
