// Keras models written channels-first (Keras 1's dim_ordering "th", Keras 2's data_format
// channels_first) keep their shapes as the file has them and are drawn like every other
// model: channels as a box's depth.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <string>

#include "strata/render.hpp"

namespace {

using strata::kUnknownDim;
using strata::Shape;

strata::Model parse(const std::string& text) {
    strata::Warnings warnings;
    return strata::parse_model(text, "model.json", warnings);
}

const strata::Layer& layer(const strata::Model& model, const std::string& name) {
    const auto index = model.find(name);
    if (!index) throw std::runtime_error("no layer " + name);
    return model.layers[*index];
}

// A Keras 1 MNIST network in either dimension ordering.
std::string keras1_cnn(const std::string& ordering, const std::string& input_shape) {
    return R"({"class_name": "Sequential", "keras_version": "1.2.2", "config": [
      {"class_name": "Convolution2D", "config": {"name": "conv", "nb_filter": 32, "nb_row": 3,
        "nb_col": 3, "border_mode": "valid", "dim_ordering": ")" +
           ordering + R"(", "batch_input_shape": )" + input_shape + R"(}},
      {"class_name": "Activation", "config": {"name": "relu", "activation": "relu"}},
      {"class_name": "MaxPooling2D", "config": {"name": "pool", "pool_size": [2, 2],
        "dim_ordering": ")" +
           ordering + R"("}},
      {"class_name": "Dropout", "config": {"name": "drop", "p": 0.25}},
      {"class_name": "Flatten", "config": {"name": "flat"}},
      {"class_name": "Dense", "config": {"name": "out", "output_dim": 10}}]})";
}

// The boxes of the layer groups of a scene, in order: front face corners and depth offset.
std::vector<nlohmann::json> boxes(const strata::Model& model) {
    strata::Warnings warnings;
    const auto scene = nlohmann::json::parse(
        strata::to_scene_json(strata::layout_layered(model, strata::Options{}, warnings)));
    std::vector<nlohmann::json> found;
    for (const auto& group : scene["groups"])
        if (group["role"] == "layer") found.push_back(group["box"]);
    return found;
}

std::string shape_caption(const strata::Model& model, const std::string& id) {
    strata::Warnings warnings;
    const auto scene = nlohmann::json::parse(
        strata::to_scene_json(strata::layout_layered(model, strata::Options{}, warnings)));
    for (const auto& group : scene["groups"])
        if (group["id"] == id) return group.value("shape", "");
    return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(channels_first)

BOOST_AUTO_TEST_CASE(keras1_th_shapes_stay_channels_first_and_say_so) {
    const strata::Model th = parse(keras1_cnn("th", "[null, 1, 28, 28]"));
    BOOST_TEST(layer(th, "conv").shapes.front() == (Shape{kUnknownDim, 32, 26, 26}),
               boost::test_tools::per_element());
    for (const char* name : {"conv_input", "conv", "relu", "pool", "drop"}) {
        BOOST_TEST_INFO(name);
        BOOST_TEST(layer(th, name).channel_axis.value_or(0) == 1u);
    }
    BOOST_TEST(!layer(th, "flat").channel_axis);
    BOOST_TEST(!layer(th, "out").channel_axis);
    BOOST_TEST(shape_caption(th, "conv") == "32 x 26 x 26");
}

BOOST_AUTO_TEST_CASE(keras1_th_boxes_have_channels_as_depth_like_tf) {
    const auto th = boxes(parse(keras1_cnn("th", "[null, 1, 28, 28]")));
    const auto tf = boxes(parse(keras1_cnn("tf", "[null, 28, 28, 1]")));
    BOOST_REQUIRE(th.size() == 6u);
    BOOST_REQUIRE(tf.size() == th.size());
    for (std::size_t i = 0; i < th.size(); ++i) {
        BOOST_TEST_INFO("box " << i);
        BOOST_TEST(th[i] == tf[i]);
    }
}

BOOST_AUTO_TEST_CASE(keras2_channels_first_layers_and_their_followers_say_so) {
    const strata::Model model = parse(R"({"class_name": "Model", "keras_version": "2.2.4",
      "config": {"name": "m", "input_layers": [["x", 0, 0]], "output_layers": [["gap", 0, 0]],
      "layers": [
        {"name": "x", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 3, 32, 32]},
         "inbound_nodes": []},
        {"name": "conv", "class_name": "Conv2D", "config": {"filters": 8, "kernel_size": [3, 3],
          "padding": "same", "data_format": "channels_first"}, "inbound_nodes": [[["x", 0, 0, {}]]]},
        {"name": "bn", "class_name": "BatchNormalization", "config": {"axis": 1},
         "inbound_nodes": [[["conv", 0, 0, {}]]]},
        {"name": "sum", "class_name": "Add", "config": {},
         "inbound_nodes": [[["bn", 0, 0, {}], ["conv", 0, 0, {}]]]},
        {"name": "gap", "class_name": "GlobalAveragePooling2D",
         "config": {"data_format": "channels_first"}, "inbound_nodes": [[["sum", 0, 0, {}]]]}]}})");
    for (const char* name : {"x", "conv", "bn", "sum"}) {
        BOOST_TEST_INFO(name);
        BOOST_TEST(layer(model, name).channel_axis.value_or(0) == 1u);
    }
    BOOST_TEST(layer(model, "sum").shapes.front() == (Shape{kUnknownDim, 8, 32, 32}),
               boost::test_tools::per_element());
    // (N, C): the channels are last already.
    BOOST_TEST(!layer(model, "gap").channel_axis);
}

BOOST_AUTO_TEST_CASE(every_layer_that_keeps_its_input_shape_keeps_its_layout) {
    // The shape rules say which layers pass their input on unchanged; the channel axis
    // follows the same list (spatial dropout, identity and random augmentation included).
    const strata::Model model = parse(R"({"class_name": "Model", "keras_version": "2.2.4",
      "config": {"name": "m", "input_layers": [["x", 0, 0]], "output_layers": [["flip", 0, 0]],
      "layers": [
        {"name": "x", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 3, 32, 32]},
         "inbound_nodes": []},
        {"name": "conv", "class_name": "Conv2D", "config": {"filters": 8, "kernel_size": [3, 3],
          "padding": "same", "data_format": "channels_first"}, "inbound_nodes": [[["x", 0, 0, {}]]]},
        {"name": "drop", "class_name": "SpatialDropout2D", "config": {"rate": 0.1},
         "inbound_nodes": [[["conv", 0, 0, {}]]]},
        {"name": "same", "class_name": "Identity", "config": {},
         "inbound_nodes": [[["drop", 0, 0, {}]]]},
        {"name": "flip", "class_name": "RandomFlip", "config": {},
         "inbound_nodes": [[["same", 0, 0, {}]]]}]}})");
    for (const char* name : {"drop", "same", "flip"}) {
        BOOST_TEST_INFO(name);
        BOOST_TEST(layer(model, name).channel_axis.value_or(0) == 1u);
    }
}

BOOST_AUTO_TEST_CASE(channels_last_models_have_no_channel_axis) {
    const strata::Model tf = parse(keras1_cnn("tf", "[null, 28, 28, 1]"));
    for (const strata::Layer& l : tf.layers) BOOST_TEST(!l.channel_axis);
}

BOOST_AUTO_TEST_SUITE_END()
