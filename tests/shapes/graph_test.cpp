#include <boost/test/unit_test.hpp>

#include "processor_time_limit.hpp"
#include "shape_fixture.hpp"
#include "strata/error.hpp"

using namespace strata;
using namespace strata::testing;
using namespace std::string_literals;

BOOST_AUTO_TEST_SUITE(shape_inference_graph)

BOOST_AUTO_TEST_CASE(layers_listed_before_their_producers_are_still_inferred) {
    Model model;
    Layer dense;  // listed first, reads the conv listed last
    dense.name = "dense";
    dense.type = "Dense";
    dense.inputs = {{2, 0}};
    dense.attrs = {{"units", std::int64_t{3}}};
    Layer input;
    input.name = "in";
    input.type = "InputLayer";
    input.shapes = {{N, 8, 8, 1}};
    input.shape_known = true;
    Layer flatten;
    flatten.name = "flatten";
    flatten.type = "Flatten";
    flatten.inputs = {{1, 0}};
    model.layers = {dense, input, flatten};
    Warnings warnings;
    infer_shapes(model, warnings);
    BOOST_TEST(model.layers[0].shapes == (std::vector<Shape>{{N, 3}}));
    BOOST_TEST(model.layers[2].shapes == (std::vector<Shape>{{N, 64}}));
    BOOST_TEST(warnings.empty());
}

BOOST_AUTO_TEST_CASE(input_layers_are_left_as_they_are) {
    ModelBuilder builder;
    builder.input("in", {N, 5});
    Warnings warnings;
    infer_shapes(builder.model(), warnings);
    BOOST_TEST(builder.layer("in").shapes == (std::vector<Shape>{{N, 5}}));
    BOOST_TEST(builder.layer("in").shape_known);
}

BOOST_AUTO_TEST_CASE(unknown_shape_propagates_with_exactly_one_warning) {
    ModelBuilder builder;
    TensorRef in = builder.input("in", {N, 64, 64, 3});
    TensorRef lambda = builder.add("lambda_1", "Lambda", {in});
    TensorRef conv = builder.add("conv", "Conv2D", {lambda},
                                 {{"filters", std::int64_t{4}}, {"kernel_size", Ints{3, 3}}});
    TensorRef side = builder.add("side", "Conv2D", {in},
                                 {{"filters", std::int64_t{4}}, {"kernel_size", Ints{3, 3}}});
    builder.add("add", "Add", {conv, side});
    Warnings warnings;
    infer_shapes(builder.model(), warnings);

    BOOST_REQUIRE(warnings.size() == 1u);
    BOOST_TEST(warnings[0].layer == "lambda_1");
    BOOST_TEST(warnings[0].message.find("Lambda") != std::string::npos);
    BOOST_TEST(warnings[0].message.find("2 layers depend on it") != std::string::npos,
               warnings[0].message);
    for (const char* name : {"lambda_1", "conv", "add"}) {
        BOOST_TEST(!builder.layer(name).shape_known, name);
        BOOST_TEST(builder.layer(name).shapes.empty(), name);
    }
    BOOST_TEST(builder.layer("side").shapes == (std::vector<Shape>{{N, 62, 62, 4}}));
}

BOOST_AUTO_TEST_CASE(unknown_layer_class_is_named_in_the_warning) {
    ModelBuilder builder;
    TensorRef in = builder.input("in", {N, 8, 8, 16});
    builder.add("pixel_shuffler_1", "PixelShuffler", {in});
    Warnings warnings;
    infer_shapes(builder.model(), warnings);
    BOOST_REQUIRE(warnings.size() == 1u);
    BOOST_TEST(warnings[0].layer == "pixel_shuffler_1");
    BOOST_TEST(warnings[0].message.find("PixelShuffler") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(two_root_causes_give_two_warnings) {
    ModelBuilder builder;
    TensorRef in = builder.input("in", {N, 8});
    TensorRef a = builder.add("custom_a", "CustomA", {in});
    TensorRef b = builder.add("custom_b", "CustomB", {in});
    builder.add("add", "Add", {a, b});
    Warnings warnings;
    infer_shapes(builder.model(), warnings);
    BOOST_REQUIRE(warnings.size() == 2u);
    BOOST_TEST(warnings[0].layer == "custom_a");
    BOOST_TEST(warnings[1].layer == "custom_b");
}

BOOST_AUTO_TEST_CASE(input_without_a_shape_is_reported) {
    Model model;
    Layer input;
    input.name = "in";
    input.type = "InputLayer";
    model.layers = {input};
    Warnings warnings;
    infer_shapes(model, warnings);
    BOOST_TEST(warnings.size() == 1u);
    BOOST_TEST(!model.layers[0].shape_known);
}

BOOST_AUTO_TEST_CASE(a_cycle_is_an_error) {
    ModelBuilder builder;
    TensorRef in = builder.input("in", {N, 4});
    builder.add("a", "Dense", {in, {2, 0}}, {{"units", std::int64_t{4}}});
    builder.add("b", "Dense", {{1, 0}}, {{"units", std::int64_t{4}}});
    Warnings warnings;
    BOOST_CHECK_EXCEPTION(infer_shapes(builder.model(), warnings), Error, [](const Error& error) {
        return error.message().find("cycle") != std::string::npos;
    });
}

BOOST_AUTO_TEST_CASE(a_layer_reading_itself_is_a_cycle) {
    ModelBuilder builder;
    builder.add("self", "Dense", {{0, 0}}, {{"units", std::int64_t{4}}});
    Warnings warnings;
    BOOST_CHECK_THROW(infer_shapes(builder.model(), warnings), Error);
}

BOOST_AUTO_TEST_CASE(a_reference_to_no_layer_is_an_error) {
    ModelBuilder builder;
    builder.add("orphan", "Dense", {{42, 0}}, {{"units", std::int64_t{4}}});
    Warnings warnings;
    BOOST_CHECK_THROW(infer_shapes(builder.model(), warnings), Error);
}

BOOST_AUTO_TEST_CASE(reading_a_missing_output_is_unknown) {
    ModelBuilder builder;
    TensorRef in = builder.input("in", {N, 4});
    TensorRef dense = builder.add("dense", "Dense", {in}, {{"units", std::int64_t{4}}});
    builder.add("reader", "Dense", {{dense.layer, 3}}, {{"units", std::int64_t{4}}});
    Warnings warnings;
    BOOST_CHECK_NO_THROW(infer_shapes(builder.model(), warnings));
    BOOST_TEST(!builder.layer("reader").shape_known);
    BOOST_TEST(warnings.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_long_chain_is_inferred_in_linear_time) {
    ModelBuilder builder;
    TensorRef previous = builder.input("in", {N, 16});
    constexpr int kLayers = 200000;
    for (int i = 0; i < kLayers; ++i) {
        previous = builder.add("dense_" + std::to_string(i), "Dense", {previous},
                               {{"units", std::int64_t{16}}});
    }
    // Linear work takes a fraction of a second; quadratic work (4e10 steps) cannot finish
    // within the processor-time limit of the child that does it.
    const strata_test::ChildEnd end = strata_test::run_with_processor_limit(5, [&] {
        Warnings warnings;
        infer_shapes(builder.model(), warnings);
        return builder.model().layers.back().shapes == std::vector<Shape>{{N, 16}};
    });
    BOOST_TEST((end == strata_test::ChildEnd::succeeded), strata_test::describe(end));
}

BOOST_AUTO_TEST_SUITE_END()
