#include <boost/test/unit_test.hpp>

#include "import_test_support.hpp"

using namespace import_test;
using Strings = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(import_nested_models)

// An encoder model called on the outer input, then a Dense on its output. The encoder's own
// input layer shares the outer input's name.
constexpr const char* kEncoderModel = R"({"class_name": "Model", "config": {"name": "outer",
  "input_layers": [["input_1", 0, 0]], "output_layers": [["head", 0, 0]], "layers": [
    {"name": "input_1", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 32]}, "inbound_nodes": []},
    {"name": "encoder", "class_name": "Model", "inbound_nodes": [[["input_1", 0, 0, {}]]],
     "config": {"name": "encoder", "input_layers": [["input_1", 0, 0]], "output_layers": [["code", 0, 0]],
       "layers": [
         {"name": "input_1", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 32]}, "inbound_nodes": []},
         {"name": "hidden", "class_name": "Dense", "config": {"units": 16}, "inbound_nodes": [[["input_1", 0, 0, {}]]]},
         {"name": "code", "class_name": "Dense", "config": {"units": 4}, "inbound_nodes": [[["hidden", 0, 0, {}]]]}]}},
    {"name": "head", "class_name": "Dense", "config": {"units": 1}, "inbound_nodes": [[["encoder", 1, 0, {}]]]}]}})";

BOOST_AUTO_TEST_CASE(nested_model_is_flattened_and_rewired) {
    strata::Warnings warnings;
    const auto model = read(kEncoderModel, &warnings);
    // The nested input layer is dropped: its consumer reads the outer input.
    BOOST_TEST(model.layers.size() == 4u);
    BOOST_TEST(model.layers[0].name == "input_1");
    BOOST_TEST(model.layers[1].name == "hidden");
    BOOST_TEST(model.layers[1].parent == "encoder");
    BOOST_TEST(model.layers[2].parent == "encoder");
    BOOST_TEST(model.layers[3].parent == "");
    BOOST_TEST((inputs_of(model, "hidden") == Strings{"input_1"}));
    BOOST_TEST((inputs_of(model, "head") == Strings{"code"}));
    BOOST_REQUIRE(model.submodels.size() == 1u);
    BOOST_TEST(model.submodels[0].name == "encoder");
    BOOST_TEST(model.submodels[0].type == "Model");
    BOOST_TEST((model.submodels[0].outputs == std::vector<strata::TensorRef>{{2, 0}}));
    BOOST_TEST(warnings.empty());
}

BOOST_AUTO_TEST_CASE(sequential_inside_sequential_inside_model) {
    const auto model = read(R"({"class_name": "Sequential", "config": {"name": "top", "layers": [
      {"class_name": "Sequential", "config": {"name": "features", "layers": [
        {"class_name": "Model", "config": {"name": "backbone", "input_layers": [["image", 0, 0]],
          "output_layers": [["conv", 0, 0]], "layers": [
            {"name": "image", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 8, 8, 3]}, "inbound_nodes": []},
            {"name": "conv", "class_name": "Conv2D", "config": {"filters": 4, "kernel_size": 3}, "inbound_nodes": [[["image", 0, 0, {}]]]}]}},
        {"class_name": "GlobalAveragePooling2D", "config": {"name": "gap"}}]}},
      {"class_name": "Sequential", "config": {"name": "head", "layers": [
        {"class_name": "Dense", "config": {"name": "dense", "units": 2, "batch_input_shape": [null, 4]}}]}}]}})");
    // The backbone is not called by anything, so its input layer stays the model's input.
    BOOST_TEST(model.layers.size() == 4u);
    BOOST_TEST(model.layers[0].name == "image");
    BOOST_TEST(model.layers[0].parent == "backbone");
    BOOST_TEST((inputs_of(model, "gap") == Strings{"conv"}));
    BOOST_TEST(layer(model, "gap").parent == "features");
    // The nested Sequential takes the outer tensor; its first layer's shape is not an input.
    BOOST_TEST((inputs_of(model, "dense") == Strings{"gap"}));
    BOOST_TEST(layer(model, "dense").parent == "head");
    BOOST_TEST(model.inputs == (std::vector<std::size_t>{0}));
    BOOST_TEST(model.outputs.size() == 1u);
    BOOST_TEST(model.layers[model.outputs[0].layer].name == "dense");
    BOOST_TEST(model.submodels.size() == 3u);
}

BOOST_AUTO_TEST_CASE(clashing_names_are_made_unique_with_a_warning) {
    strata::Warnings warnings;
    const auto model = read(R"({"class_name": "Model", "config": {"name": "outer",
      "input_layers": [["in", 0, 0]], "output_layers": [["dense", 0, 0]], "layers": [
        {"name": "in", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 3]}, "inbound_nodes": []},
        {"name": "inner", "class_name": "Functional", "inbound_nodes": [[["in", 0, 0, {}]]],
         "config": {"name": "inner", "input_layers": [["x", 0, 0]], "output_layers": [["dense", 0, 0]],
           "layers": [
             {"name": "x", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 3]}, "inbound_nodes": []},
             {"name": "dense", "class_name": "Dense", "config": {"units": 3}, "inbound_nodes": [[["x", 0, 0, {}]]]}]}},
        {"name": "dense", "class_name": "Dense", "config": {"units": 1}, "inbound_nodes": [[["inner", 0, 0, {}]]]}]}})",
                            &warnings);
    BOOST_TEST(model.layers.size() == 3u);
    BOOST_TEST(model.layers[1].name == "dense");
    BOOST_TEST(model.layers[2].name == "dense_1");
    BOOST_TEST((model.layers[2].inputs == std::vector<strata::TensorRef>{{1, 0}}));
    BOOST_TEST(model.layers[model.outputs[0].layer].name == "dense_1");
    BOOST_REQUIRE(warnings.size() == 1u);
    BOOST_TEST(contains(warnings[0].message, "dense_1"));
}

BOOST_AUTO_TEST_CASE(missing_output_of_a_nested_model_is_an_error) {
    std::string text = kEncoderModel;
    text.replace(text.find(R"([["encoder", 1, 0, {}]])"), 23, R"([["encoder", 0, 3, {}]])");
    const auto error = read_error(text);
    BOOST_REQUIRE(error.has_value());
    BOOST_TEST(contains(error->message(), "output 3 does not exist"));
    BOOST_TEST(contains(error->message(), "config.layers[2].inbound_nodes[0][0]"));
}

BOOST_AUTO_TEST_SUITE_END()
