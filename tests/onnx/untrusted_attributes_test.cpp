// Attributes and declared shapes a hostile file can set to inf, NaN, 0, a negative number or an
// axis out of range: each is an error naming the node or tensor and what was expected, where
// ONNX's own inference passes the number on or leaves the shape silently unknown.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <onnx/onnx_pb.h>

#include "graph_builder.hpp"
#include "import/onnx/onnx_reader.hpp"
#include "import/onnx/tensor_shapes.hpp"
#include "strata/error.hpp"

namespace {

using strata::Dim;
using strata::Shape;
using strata::testing::GraphBuilder;

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

// A graph input whose axes are named (dim_param) where `names` has a name, else numbers.
void named_input(GraphBuilder& g, const std::string& name, const Shape& dims,
                 const std::vector<std::string>& names) {
    g.input(name, dims);
    auto* shape = g.graph->mutable_input(g.graph->input_size() - 1)
                      ->mutable_type()
                      ->mutable_tensor_type()
                      ->mutable_shape();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (!names[i].empty()) shape->mutable_dim(static_cast<int>(i))->set_dim_param(names[i]);
}

GraphBuilder resize_by_scales(const std::vector<float>& scales) {
    GraphBuilder g;
    g.input("x", {1, 1, 4, 4});
    g.floats("scales", scales);
    g.node("Resize", {"x", "", "scales"}, "y")->set_name("r");
    return g;
}

const float kInf = std::numeric_limits<float>::infinity();
const float kNaN = std::numeric_limits<float>::quiet_NaN();

}  // namespace

BOOST_AUTO_TEST_SUITE(onnx_untrusted_attributes)

BOOST_AUTO_TEST_CASE(resize_scales_that_are_not_finite_and_positive_are_errors) {
    const std::vector<std::pair<float, std::string>> bad = {
        {kInf, "inf"}, {-kInf, "-inf"}, {kNaN, "nan"}, {0.0f, "0"}, {-2.0f, "-2"}};
    for (const auto& [scale, text] : bad) {
        BOOST_TEST_CONTEXT("scale " << text) {
            BOOST_TEST(error_of(resize_by_scales({1, 1, 2, scale}).model) ==
                       "node 'r' (Resize): scales[3] is " + text +
                           ", expected a finite number above 0");
        }
    }
}

BOOST_AUTO_TEST_CASE(upsample_scales_in_its_attribute_are_checked_too) {
    GraphBuilder g;
    g.model.mutable_opset_import(0)->set_version(7);
    g.input("x", {1, 1, 4, 4});
    auto* node = g.node("Upsample", {"x"}, "y");
    node->set_name("up");
    auto* a = node->add_attribute();
    a->set_name("scales");
    a->set_type(onnx::AttributeProto::FLOATS);
    for (float s : {1.0f, 1.0f, kInf, 2.0f}) a->add_floats(s);
    BOOST_TEST(error_of(g.model) ==
               "node 'up' (Upsample): scales[2] is inf, expected a finite number above 0");
}

BOOST_AUTO_TEST_CASE(resize_sizes_of_zero_or_less_are_errors) {
    for (Dim size : {Dim{0}, Dim{-3}}) {
        BOOST_TEST_CONTEXT("size " << size) {
            GraphBuilder g;
            g.input("x", {1, 1, 4, 4});
            g.ints("sizes", {1, 1, 8, size}, false);
            g.node("Resize", {"x", "", "", "sizes"}, "y")->set_name("r");
            BOOST_TEST(error_of(g.model) == "node 'r' (Resize): sizes[3] is " +
                                                std::to_string(size) + ", expected 1 or more");
        }
    }
}

BOOST_AUTO_TEST_CASE(sound_resize_scales_and_sizes_still_infer) {
    auto g = resize_by_scales({1, 1, 2, 0.5f});
    const auto shapes = strata::onnx_import::infer_tensor_shapes(g.model, "model.onnx");
    BOOST_TEST(shapes.shapes.at("y") == (Shape{1, 1, 8, 2}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(negative_declared_dimensions_are_errors_naming_tensor_and_axis) {
    {
        GraphBuilder g;
        g.input("x", {1, -5, 8});
        g.node("Relu", {"x"}, "y");
        BOOST_TEST(error_of(g.model) ==
                   "graph input 'x': axis 1 has the dimension -5, expected "
                   "0 or more (or a symbolic dim_param)");
    }
    {
        GraphBuilder g;
        g.input("x", {1, 8});
        g.node("Relu", {"x"}, "y");
        auto* dims = g.graph->mutable_output(0)->mutable_type()->mutable_tensor_type();
        dims->set_elem_type(onnx::TensorProto::FLOAT);
        dims->mutable_shape()->add_dim()->set_dim_value(1);
        dims->mutable_shape()->add_dim()->set_dim_value(-1);
        BOOST_TEST(error_of(g.model) ==
                   "graph output 'y': axis 1 has the dimension -1, expected "
                   "0 or more (or a symbolic dim_param)");
    }
    {
        GraphBuilder g;
        g.input("x", {1, 8});
        g.node("Relu", {"x"}, "h");
        g.node("Relu", {"h"}, "y");
        auto* info = g.graph->add_value_info();
        info->set_name("h");
        auto* tensor = info->mutable_type()->mutable_tensor_type();
        tensor->set_elem_type(onnx::TensorProto::FLOAT);
        tensor->mutable_shape()->add_dim()->set_dim_value(-7);
        BOOST_TEST(error_of(g.model) ==
                   "value_info 'h': axis 0 has the dimension -7, expected 0 "
                   "or more (or a symbolic dim_param)");
    }
}

BOOST_AUTO_TEST_CASE(a_zero_input_dimension_is_an_empty_tensor_not_an_unknown_one) {
    GraphBuilder g;
    g.input("x", {1, 0, 8});
    g.node("Relu", {"x"}, "y");
    const auto shapes = strata::onnx_import::infer_tensor_shapes(g.model, "model.onnx");
    BOOST_TEST(shapes.shapes.at("y") == (Shape{1, 0, 8}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_zero_input_dimension_is_drawn_with_a_warning_naming_the_input) {
    GraphBuilder g;
    g.input("x", {1, 0, 8});
    g.node("Relu", {"x"}, "y");
    const std::string bytes = g.model.SerializeAsString();
    strata::Warnings warnings;
    const strata::Model model = strata::read_onnx(bytes, "model.onnx", warnings, false);
    BOOST_TEST(model.layers.front().shapes.front() == (Shape{1, 0, 8}),
               boost::test_tools::per_element());
    // The builder's graph output has no type, which ONNX's checker reports too.
    std::vector<strata::Warning> empty;
    for (const auto& w : warnings)
        if (!w.message.starts_with("ONNX's checker")) empty.push_back(w);
    BOOST_TEST_REQUIRE(empty.size() == 1u);
    BOOST_TEST(empty[0].where == "model.onnx");
    BOOST_TEST(empty[0].message ==
               "graph input 'x': axis 1 has the dimension 0 (an empty "
               "tensor); its box is drawn at the smallest size");
}

BOOST_AUTO_TEST_CASE(symbolic_input_dimensions_stay_unknown) {
    GraphBuilder g;
    named_input(g, "x", {1, 3, 8}, {"N", "", ""});
    g.node("Relu", {"x"}, "y");
    const auto shapes = strata::onnx_import::infer_tensor_shapes(g.model, "model.onnx");
    BOOST_TEST(shapes.shapes.at("y") == (Shape{-1, 3, 8}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_axis_out_of_range_is_an_error_naming_the_node) {
    {
        GraphBuilder g;
        g.input("x", {2, 3});
        auto* node = g.node("Concat", {"x", "x"}, "y");
        node->set_name("c");
        GraphBuilder::int_attribute(node, "axis", 2);
        BOOST_TEST(error_of(g.model) ==
                   "node 'c' (Concat): axis 2 is out of range for an input of rank 2 (expected "
                   "-2 to 1)");
    }
    {
        GraphBuilder g;
        g.input("x", {2, 3});
        auto* node = g.node("Flatten", {"x"}, "y");
        node->set_name("f");
        GraphBuilder::int_attribute(node, "axis", -3);
        BOOST_TEST(error_of(g.model) ==
                   "node 'f' (Flatten): axis -3 is out of range for an input of rank 2 (expected "
                   "-2 to 2)");
    }
}

BOOST_AUTO_TEST_CASE(axes_at_the_ends_of_the_range_still_infer) {
    GraphBuilder g;
    g.input("x", {2, 3});
    GraphBuilder::int_attribute(g.node("Concat", {"x", "x"}, "c"), "axis", -2);
    GraphBuilder::int_attribute(g.node("Flatten", {"x"}, "f"), "axis", 2);
    const auto shapes = strata::onnx_import::infer_tensor_shapes(g.model, "model.onnx");
    BOOST_TEST(shapes.shapes.at("c") == (Shape{4, 3}), boost::test_tools::per_element());
    BOOST_TEST(shapes.shapes.at("f") == (Shape{6, 1}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_group_of_zero_or_less_is_an_error_naming_the_node) {
    for (std::int64_t group : {std::int64_t{0}, std::int64_t{-2}}) {
        for (const std::string op : {"Conv", "ConvTranspose"}) {
            BOOST_TEST_CONTEXT(op << " group " << group) {
                GraphBuilder g;
                g.input("x", {1, 2, 8, 8});
                g.ints("w", {0}, false);
                g.graph->mutable_initializer(0)->clear_dims();
                for (Dim side : {2, 2, 3, 3}) g.graph->mutable_initializer(0)->add_dims(side);
                auto* node = g.node(op, {"x", "w"}, "y");
                node->set_name("k");
                GraphBuilder::int_attribute(node, "group", group);
                BOOST_TEST(error_of(g.model) == "node 'k' (" + op + "): group holds " +
                                                    std::to_string(group) + ", expected 1 or more");
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_negative_output_padding_or_output_shape_is_an_error) {
    for (const std::string attribute : {"output_padding", "output_shape"}) {
        BOOST_TEST_CONTEXT(attribute) {
            GraphBuilder g;
            g.input("x", {1, 2, 8, 8});
            g.ints("w", {0}, false);
            g.graph->mutable_initializer(0)->clear_dims();
            for (Dim side : {2, 2, 3, 3}) g.graph->mutable_initializer(0)->add_dims(side);
            auto* node = g.node("ConvTranspose", {"x", "w"}, "y");
            node->set_name("up");
            GraphBuilder::ints_attribute(node, attribute, {0, -4});
            BOOST_TEST(error_of(g.model) ==
                       "node 'up' (ConvTranspose): " + attribute + " holds -4, expected 0 or more");
        }
    }
}

BOOST_AUTO_TEST_CASE(resize_axes_out_of_range_or_twice_are_errors) {
    const auto resize_on = [](const std::vector<std::int64_t>& axes) {
        auto g = resize_by_scales({2, 2});
        g.model.mutable_opset_import(0)->set_version(18);
        GraphBuilder::ints_attribute(g.graph->mutable_node(0), "axes", axes);
        return g;
    };
    BOOST_TEST(error_of(resize_on({2, std::int64_t{1} << 62}).model) ==
               "node 'r' (Resize): axes[1] holds 4611686018427387904, out of range for an input "
               "of rank 4 (expected -4 to 3)");
    BOOST_TEST(error_of(resize_on({2, 4}).model) ==
               "node 'r' (Resize): axes[1] holds 4, out of range for an input of rank 4 "
               "(expected -4 to 3)");
    BOOST_TEST(error_of(resize_on({3, -1}).model) ==
               "node 'r' (Resize): axes[1] names axis 3 again, expected each axis once");
    BOOST_TEST(error_of(resize_on({-2, -1}).model) == "");
    // Without the input's shape, no tensor has more than 32 axes.
    auto unshaped = resize_on({std::int64_t{1} << 62});
    unshaped.graph->mutable_input(0)->mutable_type()->mutable_tensor_type()->clear_shape();
    BOOST_TEST(error_of(unshaped.model) ==
               "node 'r' (Resize): axes[0] holds 4611686018427387904, out of range for an input "
               "of rank at most 32 (expected -32 to 31)");
}

BOOST_AUTO_TEST_CASE(a_resize_scale_that_empties_an_axis_is_an_error) {
    BOOST_TEST(error_of(resize_by_scales({1, 1, 1e-30f, 1}).model) ==
               "node 'r' (Resize): scales[2] is 1e-30: axis 2 of length 4 would have no "
               "elements, expected a scale of at least 1/4");
    BOOST_TEST(error_of(resize_by_scales({1, 1, 0.25f, 1}).model) == "");
}

BOOST_AUTO_TEST_CASE(resize_scales_of_another_length_than_the_axes_are_errors) {
    BOOST_TEST(error_of(resize_by_scales({1, 2, 2}).model) ==
               "node 'r' (Resize): scales has 3 values for 4 axes");
}

// A Conv or ConvTranspose of `group` over an input of `channels` channels with weights of `dims`.
std::string grouped_error(const std::string& op, Dim channels, std::int64_t group,
                          const Shape& dims) {
    GraphBuilder g;
    g.input("x", {1, channels, 8, 8});
    g.ints("w", {0}, false);
    g.graph->mutable_initializer(0)->clear_dims();
    for (Dim side : dims) g.graph->mutable_initializer(0)->add_dims(side);
    auto* node = g.node(op, {"x", "w"}, "y");
    node->set_name("k");
    GraphBuilder::int_attribute(node, "group", group);
    return error_of(g.model);
}

BOOST_AUTO_TEST_CASE(a_group_that_does_not_divide_the_channels_is_an_error) {
    BOOST_TEST(grouped_error("Conv", 8, 3, {6, 2, 3, 3}) ==
               "node 'k' (Conv): group 3 does not divide the input's 8 channels");
    BOOST_TEST(grouped_error("Conv", 8, 2, {5, 4, 3, 3}) ==
               "node 'k' (Conv): group 2 does not divide the weights' 5 output channels");
    BOOST_TEST(grouped_error("Conv", 8, 2, {6, 2, 3, 3}) ==
               "node 'k' (Conv): the weights' second dimension (2) times group (2) is not the "
               "input's 8 channels");
    BOOST_TEST(grouped_error("ConvTranspose", 8, 3, {8, 2, 3, 3}) ==
               "node 'k' (ConvTranspose): group 3 does not divide the input's 8 channels");
    BOOST_TEST(grouped_error("ConvTranspose", 8, 2, {6, 2, 3, 3}) ==
               "node 'k' (ConvTranspose): the weights' first dimension (6) is not the input's 8 "
               "channels");
    BOOST_TEST(grouped_error("Conv", 8, 2, {6, 4, 3, 3}) == "");
    BOOST_TEST(grouped_error("ConvTranspose", 8, 2, {8, 3, 3, 3}) == "");
}

BOOST_AUTO_TEST_CASE(a_blocksize_that_does_not_divide_is_an_error) {
    const auto blocks = [](const std::string& op, std::int64_t block, const Shape& x) {
        GraphBuilder g;
        g.input("x", x);
        auto* node = g.node(op, {"x"}, "y");
        node->set_name("b");
        GraphBuilder::int_attribute(node, "blocksize", block);
        return error_of(g.model);
    };
    BOOST_TEST(blocks("DepthToSpace", 0, {1, 8, 4, 4}) ==
               "node 'b' (DepthToSpace): blocksize holds 0, expected 1 or more");
    BOOST_TEST(blocks("DepthToSpace", 2, {1, 6, 4, 4}) ==
               "node 'b' (DepthToSpace): blocksize 2: the input's 6 channels cannot be divided "
               "by 4");
    BOOST_TEST(blocks("SpaceToDepth", 3, {1, 2, 6, 4}) ==
               "node 'b' (SpaceToDepth): blocksize 3: the input's 4 columns cannot be divided "
               "by 3");
    BOOST_TEST(blocks("DepthToSpace", 2, {1, 8, 4, 4}) == "");
    BOOST_TEST(blocks("SpaceToDepth", 2, {1, 2, 6, 4}) == "");
}

BOOST_AUTO_TEST_CASE(split_parts_that_are_negative_or_do_not_add_up_are_errors) {
    const auto split = [](const std::vector<std::int64_t>& parts, int outputs) {
        GraphBuilder g;
        g.input("x", {2, 8});
        g.ints("parts", parts, false);
        auto* node = g.node("Split", {"x", "parts"}, "y0");
        node->set_name("sp");
        for (int i = 1; i < outputs; ++i) node->add_output("y" + std::to_string(i));
        GraphBuilder::int_attribute(node, "axis", 1);
        return error_of(g.model);
    };
    BOOST_TEST(split({10, -2}, 2) == "node 'sp' (Split): split[1] holds -2, expected 0 or more");
    BOOST_TEST(split({4, 4, 0}, 2) == "node 'sp' (Split): split has 3 parts for 2 outputs");
    BOOST_TEST(split({4, 5}, 2) ==
               "node 'sp' (Split): split's parts add up to 9, but axis 1 of the input has length "
               "8");
    BOOST_TEST(split({3, 5}, 2) == "");
}

BOOST_AUTO_TEST_CASE(axis_attributes_of_other_ops_out_of_range_are_errors) {
    {
        GraphBuilder g;
        g.input("x", {2, 3});
        auto* node = g.node("Softmax", {"x"}, "y");
        node->set_name("s");
        GraphBuilder::int_attribute(node, "axis", 5);
        BOOST_TEST(error_of(g.model) ==
                   "node 's' (Softmax): axis 5 is out of range for an input of rank 2 (expected "
                   "-2 to 1)");
    }
    {
        GraphBuilder g;
        g.model.mutable_opset_import(0)->set_version(11);
        g.input("x", {2, 1});
        auto* node = g.node("Squeeze", {"x"}, "y");
        node->set_name("sq");
        GraphBuilder::ints_attribute(node, "axes", {-3});
        BOOST_TEST(error_of(g.model) ==
                   "node 'sq' (Squeeze): axes[0] holds -3, out of range for an input of rank 2 "
                   "(expected -2 to 1)");
    }
    {
        // Unsqueeze's axes count in its output: rank 2 + 1.
        GraphBuilder g;
        g.model.mutable_opset_import(0)->set_version(11);
        g.input("x", {2, 3});
        auto* node = g.node("Unsqueeze", {"x"}, "y");
        node->set_name("u");
        GraphBuilder::ints_attribute(node, "axes", {2});
        BOOST_TEST(error_of(g.model) == "");
        node->mutable_attribute(0)->set_ints(0, 3);
        BOOST_TEST(error_of(g.model) ==
                   "node 'u' (Unsqueeze): axes[0] holds 3, out of range for an output of rank 3 "
                   "(expected -3 to 2)");
    }
}

BOOST_AUTO_TEST_SUITE_END()
