// Numbers no tensor can have are refused with an error naming the node, not passed on wrapped:
// shapes whose element count overflows 64 bits, a Reshape that changes the number of elements,
// a Range as long as the int64 span, windows and steps of 0.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <onnx/onnx_pb.h>

#include "graph_builder.hpp"
#include "import/onnx/tensor_shapes.hpp"
#include "strata/error.hpp"

namespace {

using strata::Shape;
using strata::testing::GraphBuilder;

constexpr std::int64_t k2to31 = std::int64_t{1} << 31;
constexpr std::int64_t k2to62 = std::int64_t{1} << 62;

// The message of the error the inference throws, or "" when it throws none.
std::string error_of(const onnx::ModelProto& model) {
    try {
        strata::onnx_import::infer_tensor_shapes(model, "model.onnx");
    } catch (const strata::Error& e) {
        BOOST_TEST(e.file() == "model.onnx");
        return e.message();
    }
    return "";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(onnx_numbers)

BOOST_AUTO_TEST_CASE(an_input_whose_element_count_overflows_is_an_error) {
    // ONNX flattens it to 1x0: 2^62 * 2^62 * 3 wraps to 0.
    GraphBuilder g;
    g.input("x", {1, k2to62, k2to62, 3});
    g.node("Flatten", {"x"}, "y");
    const std::string message = error_of(g.model);
    BOOST_TEST_INFO(message);
    BOOST_TEST(contains(message, "graph input 'x'"));
    BOOST_TEST(contains(message, "more elements than a tensor can hold"));
}

BOOST_AUTO_TEST_CASE(a_node_output_whose_element_count_overflows_is_an_error) {
    GraphBuilder g;
    g.input("x", {1});
    g.ints("shape", {k2to62, k2to62, 3}, false);
    g.node("Expand", {"x", "shape"}, "y");
    const std::string message = error_of(g.model);
    BOOST_TEST_INFO(message);
    BOOST_TEST(contains(message, "node 'Expand_node' (Expand)"));
    BOOST_TEST(contains(message, "more elements than a tensor can hold"));
}

BOOST_AUTO_TEST_CASE(a_reshape_that_changes_the_element_count_is_an_error) {
    GraphBuilder g;
    g.input("x", {1, 3, 32, 32});
    g.ints("shape", {k2to31, k2to31}, false);
    g.node("Reshape", {"x", "shape"}, "y");
    const std::string message = error_of(g.model);
    BOOST_TEST_INFO(message);
    BOOST_TEST(contains(message, "node 'Reshape_node' (Reshape): turns 3072 elements"));
    BOOST_TEST(contains(message, "4611686018427387904"));
}

BOOST_AUTO_TEST_CASE(a_range_over_the_int64_span_is_an_error) {
    GraphBuilder g;
    g.ints("start", {std::numeric_limits<std::int64_t>::min()}, true);
    g.ints("limit", {std::numeric_limits<std::int64_t>::max()}, true);
    g.ints("delta", {1}, true);
    g.node("Range", {"start", "limit", "delta"}, "y");
    const std::string message = error_of(g.model);
    BOOST_TEST_INFO(message);
    BOOST_TEST(contains(message, "node 'Range_node' (Range)"));
    BOOST_TEST(contains(message, "more elements than a tensor can hold"));
}

BOOST_AUTO_TEST_CASE(a_long_range_keeps_its_exact_length) {
    // Too long to evaluate as a constant, short enough to be a tensor: its length is exact.
    GraphBuilder g;
    g.ints("start", {0}, true);
    g.ints("limit", {std::int64_t{1} << 40}, true);
    g.ints("delta", {1}, true);
    g.node("Range", {"start", "limit", "delta"}, "y");
    const auto shapes = strata::onnx_import::infer_tensor_shapes(g.model, "model.onnx");
    BOOST_REQUIRE(shapes.shapes.count("y"));
    BOOST_TEST(shapes.shapes.at("y") == (Shape{std::int64_t{1} << 40}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(windows_and_steps_of_zero_are_errors_naming_the_node) {
    for (const char* attribute : {"kernel_shape", "strides", "dilations"}) {
        GraphBuilder g;
        g.input("x", {1, 3, 32, 32});
        auto* pool = g.node("MaxPool", {"x"}, "y");
        GraphBuilder::ints_attribute(pool, "kernel_shape", {2, 2});
        GraphBuilder::ints_attribute(pool, attribute, {0, 0});
        const std::string message = error_of(g.model);
        BOOST_TEST_INFO(attribute << ": " << message);
        BOOST_TEST(contains(message, "node 'MaxPool_node' (MaxPool): " + std::string(attribute) +
                                         " holds 0, expected 1 or more"));
    }
    GraphBuilder g;
    g.input("x", {1, 3, 32, 32});
    g.ints("w", {}, false);
    auto* conv = g.node("Conv", {"x"}, "y");
    GraphBuilder::ints_attribute(conv, "pads", {0, -1, 0, 0});
    BOOST_TEST(contains(error_of(g.model), "pads holds -1, expected 0 or more"));
}

BOOST_AUTO_TEST_CASE(sound_numbers_still_infer) {
    GraphBuilder g;
    g.input("x", {1, 3, 32, 32});
    auto* pool = g.node("MaxPool", {"x"}, "p");
    GraphBuilder::ints_attribute(pool, "kernel_shape", {2, 2});
    GraphBuilder::ints_attribute(pool, "strides", {2, 2});
    g.node("Flatten", {"p"}, "y");
    const auto shapes = strata::onnx_import::infer_tensor_shapes(g.model, "model.onnx");
    BOOST_REQUIRE(shapes.shapes.count("y"));
    BOOST_TEST(shapes.shapes.at("y") == (Shape{1, 768}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
