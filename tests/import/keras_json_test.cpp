#include <boost/test/unit_test.hpp>

#include "import_test_support.hpp"
#include "strata/import.hpp"

using namespace import_test;
using strata::attr;
using Ints = std::vector<std::int64_t>;
using Strings = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(import_keras_json)

BOOST_AUTO_TEST_CASE(old_inbound_nodes_encoding) {
    const auto model = read(R"({"class_name": "Model", "keras_version": "2.2.4", "config": {
      "name": "m", "input_layers": [["a", 0, 0], ["b", 0, 0]], "output_layers": [["cat", 0, 0]],
      "layers": [
        {"name": "a", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 4]}, "inbound_nodes": []},
        {"name": "b", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 6]}, "inbound_nodes": []},
        {"name": "cat", "class_name": "Concatenate", "config": {"name": "cat", "axis": -1},
         "inbound_nodes": [[["a", 0, 0, {}], ["b", 0, 0, {}]]]}]}})");
    BOOST_TEST(model.format == "keras-json");
    BOOST_TEST(model.keras_version == "2.2.4");
    BOOST_TEST(model.name == "m");
    BOOST_TEST((inputs_of(model, "cat") == Strings{"a", "b"}));
    BOOST_TEST(model.inputs == (std::vector<std::size_t>{0, 1}));
    BOOST_TEST(model.outputs.size() == 1u);
    BOOST_TEST(model.outputs[0].layer == 2u);
    BOOST_TEST(layer(model, "a").shape_known);
    BOOST_TEST((layer(model, "b").shapes == std::vector<strata::Shape>{{-1, 6}}));
    BOOST_TEST(!layer(model, "cat").shape_known);
    BOOST_TEST(*attr<std::int64_t>(layer(model, "cat"), "axis") == -1);
}

BOOST_AUTO_TEST_CASE(keras3_args_encoding_with_a_list_argument) {
    const auto model = read(R"({"module": "keras.src.models.functional", "class_name": "Functional",
      "config": {"name": "f", "input_layers": ["x", 0, 0], "output_layers": ["add", 0, 0],
      "layers": [
        {"module": "keras.layers", "class_name": "InputLayer", "name": "x", "inbound_nodes": [],
         "config": {"batch_shape": [null, 8, 8, 3], "name": "x"}},
        {"module": "keras.layers", "class_name": "Conv2D", "name": "conv", "registered_name": null,
         "build_config": {"input_shape": [null, 8, 8, 3]},
         "config": {"name": "conv", "filters": 3, "kernel_size": 3, "dtype": {"module": "keras",
           "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": null}},
         "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"shape": [null, 8, 8, 3],
           "keras_history": ["x", 0, 0]}}], "kwargs": {"training": false}}]},
        {"class_name": "Add", "name": "add", "config": {"name": "add"},
         "inbound_nodes": [{"args": [[{"class_name": "__keras_tensor__", "config": {"keras_history": ["x", 0, 0]}},
           {"class_name": "__keras_tensor__", "config": {"keras_history": ["conv", 0, 0]}}]], "kwargs": {}}]}]}})");
    BOOST_TEST(model.format == "keras3-config");
    BOOST_TEST((inputs_of(model, "conv") == Strings{"x"}));
    BOOST_TEST((inputs_of(model, "add") == Strings{"x", "conv"}));
    BOOST_TEST((layer(model, "x").shapes == std::vector<strata::Shape>{{-1, 8, 8, 3}}));
    const auto& conv = layer(model, "conv");
    BOOST_TEST(*attr<std::string>(conv, "dtype") == "float32");
    BOOST_TEST(*attr<std::int64_t>(conv, "kernel_size") == 3);  // scalars stay scalars
    BOOST_TEST(model.inputs == (std::vector<std::size_t>{0}));
    BOOST_TEST(model.outputs[0].layer == 2u);
}

BOOST_AUTO_TEST_CASE(tensors_passed_by_keyword_follow_the_positional_ones) {
    const auto model = read(R"({"class_name": "Functional", "config": {"name": "f",
      "input_layers": [["q", 0, 0]], "output_layers": [["mha", 0, 0]], "layers": [
        {"name": "q", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 4, 8]}, "inbound_nodes": []},
        {"name": "v", "class_name": "Dense", "config": {"units": 8}, "inbound_nodes": [[["q", 0, 0, {}]]]},
        {"name": "mha", "class_name": "MultiHeadAttention", "config": {"num_heads": 2, "key_dim": 4},
         "inbound_nodes": [[["q", 0, 0, {"value": ["v", 0, 0]}]]]}]}})");
    BOOST_TEST((inputs_of(model, "mha") == Strings{"q", "v"}));
}

BOOST_AUTO_TEST_CASE(tfjs_model_json) {
    const auto model = read(R"({"format": "layers-model", "generatedBy": "keras v2.8.0",
      "convertedBy": "TensorFlow.js Converter v3.15.0",
      "modelTopology": {"keras_version": "2.8.0", "model_config": {"class_name": "Sequential",
        "config": {"name": "s", "layers": [
          {"class_name": "Conv2D", "config": {"name": "c", "filters": 4, "kernel_size": [3, 3],
            "batch_input_shape": [null, 28, 28, 1]}},
          {"class_name": "Flatten", "config": {"name": "f"}},
          {"class_name": "Dense", "config": {"name": "d", "units": 10}}]}}},
      "weightsManifest": [{"paths": ["group1-shard1of1.bin"], "weights": []}]})");
    BOOST_TEST(model.format == "tfjs-model");
    BOOST_TEST(model.keras_version == "2.8.0");
    BOOST_TEST(model.layers.size() == 4u);
    const auto& input = model.layers[0];
    BOOST_TEST(input.name == "c_input");
    BOOST_TEST(input.type == "InputLayer");
    BOOST_TEST(input.implicit);
    BOOST_TEST((input.shapes == std::vector<strata::Shape>{{-1, 28, 28, 1}}));
    BOOST_TEST((inputs_of(model, "c") == Strings{"c_input"}));
    BOOST_TEST((inputs_of(model, "d") == Strings{"f"}));
    BOOST_TEST(model.inputs == (std::vector<std::size_t>{0}));
    BOOST_TEST(model.outputs[0].layer == 3u);
}

BOOST_AUTO_TEST_CASE(tfjs_version_falls_back_to_the_generator) {
    const auto model = read(R"({"generatedBy": "keras v3.7.0", "modelTopology": {"model_config":
      {"class_name": "Sequential", "config": {"name": "s", "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": [null, 3], "name": "in"}},
        {"class_name": "Dense", "config": {"name": "d", "units": 1}}]}}}})");
    BOOST_TEST(model.keras_version == "keras v3.7.0");
    BOOST_TEST((inputs_of(model, "d") == Strings{"in"}));
    BOOST_TEST(!model.layers[0].implicit);
}

BOOST_AUTO_TEST_CASE(sequential_without_any_input_shape_gets_no_input) {
    const auto model = read(R"({"class_name": "Sequential", "config": {"name": "s", "layers": [
        {"class_name": "Dense", "config": {"name": "d1", "units": 4}},
        {"class_name": "Dense", "config": {"name": "d2", "units": 2}}]}})");
    BOOST_TEST(model.layers.size() == 2u);
    BOOST_TEST(layer(model, "d1").inputs.empty());
    BOOST_TEST((inputs_of(model, "d2") == Strings{"d1"}));
    BOOST_TEST(model.inputs.empty());
}

BOOST_AUTO_TEST_CASE(old_sequential_config_is_a_list) {
    const auto model = read(R"({"class_name": "Sequential", "keras_version": "2.0.6", "config": [
        {"class_name": "Dense", "config": {"name": "d1", "units": 4, "batch_input_shape": [null, 7]}},
        {"class_name": "Dense", "config": {"name": "d2", "units": 2}}]})");
    BOOST_TEST(model.layers.size() == 3u);
    BOOST_TEST((layer(model, "d1_input").shapes == std::vector<strata::Shape>{{-1, 7}}));
}

BOOST_AUTO_TEST_CASE(double_encoded_json_string) {
    const auto model = read(
        R"("{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": [{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 2, \"batch_input_shape\": [null, 3]}}]}}")");
    BOOST_TEST(model.name == "s");
    BOOST_TEST(model.layers.size() == 2u);
}

BOOST_AUTO_TEST_CASE(byte_order_mark_and_whitespace_are_accepted) {
    const auto model = read("\xEF\xBB\xBF \n {\"class_name\": \"Sequential\", \"config\": []} \n");
    BOOST_TEST(model.layers.empty());
}

BOOST_AUTO_TEST_CASE(keras1_vocabulary_is_normalised) {
    const auto model = read(R"({"class_name": "Sequential", "keras_version": "1.2.2", "config": [
        {"class_name": "Convolution2D", "config": {"name": "conv", "nb_filter": 32, "nb_row": 3,
          "nb_col": 5, "subsample": [2, 2], "border_mode": "same", "dim_ordering": "th",
          "batch_input_shape": [null, 3, 64, 64]}},
        {"class_name": "AtrousConvolution1D", "config": {"name": "atrous", "nb_filter": 8,
          "filter_length": 3, "atrous_rate": 2}},
        {"class_name": "MaxPooling1D", "config": {"name": "pool", "pool_length": 2, "stride": 2}},
        {"class_name": "Dropout", "config": {"name": "drop", "p": 0.5}},
        {"class_name": "Dense", "config": {"name": "dense", "output_dim": 10, "input_dim": 99}},
        {"class_name": "Embedding", "config": {"name": "emb", "output_dim": 16, "input_dim": 100}},
        {"class_name": "Merge", "config": {"name": "merge", "mode": "sum"}},
        {"class_name": "Deconvolution2D", "config": {"name": "deconv", "nb_filter": 4, "nb_row": 2, "nb_col": 2}}]})");
    BOOST_TEST(model.format == "keras1-json");
    const auto& conv = layer(model, "conv");
    BOOST_TEST(conv.type == "Conv2D");
    BOOST_TEST(*attr<std::int64_t>(conv, "filters") == 32);
    BOOST_TEST((*attr<Ints>(conv, "kernel_size") == Ints{3, 5}));
    BOOST_TEST((*attr<Ints>(conv, "strides") == Ints{2, 2}));
    BOOST_TEST(*attr<std::string>(conv, "padding") == "same");
    BOOST_TEST(*attr<std::string>(conv, "data_format") == "channels_first");
    BOOST_TEST(!attr<std::int64_t>(conv, "nb_filter"));
    const auto& atrous = layer(model, "atrous");
    BOOST_TEST(atrous.type == "Conv1D");
    BOOST_TEST(*attr<std::int64_t>(atrous, "kernel_size") == 3);
    BOOST_TEST(*attr<std::int64_t>(atrous, "dilation_rate") == 2);
    BOOST_TEST(*attr<std::int64_t>(layer(model, "pool"), "pool_size") == 2);
    BOOST_TEST(*attr<std::int64_t>(layer(model, "pool"), "strides") == 2);
    BOOST_TEST(*attr<double>(layer(model, "drop"), "rate") == 0.5);
    BOOST_TEST(*attr<std::int64_t>(layer(model, "dense"), "units") == 10);
    BOOST_TEST(*attr<std::int64_t>(layer(model, "dense"), "input_dim") == 99);
    BOOST_TEST(*attr<std::int64_t>(layer(model, "emb"), "output_dim") == 16);
    BOOST_TEST(layer(model, "merge").type == "Add");
    BOOST_TEST(layer(model, "deconv").type == "Conv2DTranspose");
    BOOST_TEST((layer(model, "conv_input").shapes == std::vector<strata::Shape>{{-1, 3, 64, 64}}));
}

BOOST_AUTO_TEST_CASE(input_layer_shape_in_every_spelling_tfjs_accepts) {
    const std::vector<std::pair<std::string, std::string>> spellings = {
        {"batch_input_shape", "[null, 4, 6]"},
        {"batch_shape", "[null, 4, 6]"},
        {"input_shape", "[4, 6]"},
        {"batchInputShape", "[null, 4, 6]"},
        {"batchShape", "[null, 4, 6]"},
        {"inputShape", "[4, 6]"}};
    for (const auto& [key, shape] : spellings) {
        const auto model = read(R"({"modelTopology": {"model_config": {"class_name": "Sequential",
          "config": {"name": "s", "layers": [
            {"class_name": "InputLayer", "config": {"name": "in", ")" +
                                key + "\": " + shape + R"(}},
            {"class_name": "Dense", "config": {"name": "d", "units": 2}}]}}}})");
        BOOST_TEST_INFO(key);
        BOOST_TEST((layer(model, "in").shapes == std::vector<strata::Shape>{{-1, 4, 6}}));
    }
    // As the first layer of a Sequential model without an InputLayer, too.
    const auto model = read(R"({"modelTopology": {"model_config": {"class_name": "Sequential",
      "config": {"name": "s", "layers": [
        {"class_name": "Dense", "config": {"name": "d", "units": 2, "inputShape": [5]}}]}}}})");
    BOOST_TEST((layer(model, "d_input").shapes == std::vector<strata::Shape>{{-1, 5}}));
}

BOOST_AUTO_TEST_CASE(keras1_input_dim_declares_the_input) {
    const auto model = read(R"({"class_name": "Sequential", "config": [
        {"class_name": "Dense", "config": {"name": "d", "output_dim": 4, "input_dim": 12}}]})");
    BOOST_TEST((layer(model, "d_input").shapes == std::vector<strata::Shape>{{-1, 12}}));
    BOOST_TEST(*attr<std::int64_t>(layer(model, "d"), "units") == 4);
}

BOOST_AUTO_TEST_CASE(attribute_values_are_converted) {
    const auto model = read(R"({"class_name": "Sequential", "config": {"name": "s", "layers": [
        {"class_name": "Cropping2D", "config": {"name": "crop", "cropping": [[1, 1], [2, 2]],
          "batch_input_shape": [null, null, 32, 3], "flag": true, "ratio": 0.25, "tags": ["a", "b"],
          "weights": [0.5, 1], "initializer": {"class_name": "Zeros", "config": {}}, "nothing": null}},
        {"class_name": "Bidirectional", "config": {"name": "bi", "merge_mode": "concat",
          "layer": {"class_name": "CuDNNLSTM", "config": {"name": "inner", "units": 8}}}},
        {"class_name": "TimeDistributed", "config": {"name": "td",
          "layer": {"class_name": "Dense", "config": {"name": "inner_dense", "output_dim": 3}}}}]}})");
    const auto& crop = layer(model, "crop");
    BOOST_TEST((*attr<Ints>(crop, "cropping") == Ints{1, 1, 2, 2}));
    BOOST_TEST((*attr<Ints>(crop, "batch_input_shape") == Ints{-1, -1, 32, 3}));
    BOOST_TEST(*attr<bool>(crop, "flag"));
    BOOST_TEST(*attr<double>(crop, "ratio") == 0.25);
    BOOST_TEST((*attr<Strings>(crop, "tags") == Strings{"a", "b"}));
    BOOST_TEST((*attr<std::vector<double>>(crop, "weights") == std::vector<double>{0.5, 1.0}));
    BOOST_TEST(!crop.attrs.contains("initializer"));
    BOOST_TEST(!crop.attrs.contains("nothing"));
    const auto& bi = layer(model, "bi");
    BOOST_TEST(*attr<std::string>(bi, "layer.class_name") == "CuDNNLSTM");
    BOOST_TEST(*attr<std::int64_t>(bi, "layer.units") == 8);
    const auto& td = layer(model, "td");
    BOOST_TEST(*attr<std::int64_t>(td, "layer.units") == 3);
    BOOST_TEST(*attr<std::string>(td, "layer.class_name") == "Dense");
}

BOOST_AUTO_TEST_CASE(shared_layer_uses_its_first_call_and_warns) {
    strata::Warnings warnings;
    const auto model = read(R"({"class_name": "Model", "config": {"name": "m",
      "input_layers": [["a", 0, 0], ["b", 0, 0]], "output_layers": [["shared", 0, 0], ["shared", 1, 0]],
      "layers": [
        {"name": "a", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 4]}, "inbound_nodes": []},
        {"name": "b", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 4]}, "inbound_nodes": []},
        {"name": "shared", "class_name": "Dense", "config": {"units": 2},
         "inbound_nodes": [[["a", 0, 0, {}]], [["b", 0, 0, {}]]]}]}})",
                            &warnings);
    BOOST_TEST((inputs_of(model, "shared") == Strings{"a"}));
    BOOST_REQUIRE(warnings.size() == 1u);
    BOOST_TEST(contains(warnings[0].message, "'shared'"));
}

// The layers of a JSON model file, nested models' too, carry the line and column of their
// definition, so that shape inference names the place in its errors and warnings; text inside
// another file (an archive member, an HDF5 attribute) has no line of that file.
BOOST_AUTO_TEST_CASE(layers_of_a_json_file_know_their_line_and_column) {
    const std::string text =
        "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": [\n"
        "  {\"class_name\": \"InputLayer\", \"config\": {\"name\": \"in\",\n"
        "   \"batch_input_shape\": [null, 4]}},\n"
        "    {\"class_name\": \"Sequential\", \"config\": {\"name\": \"inner\", \"layers\": [\n"
        "      {\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 2}}]}}]}}";
    strata::Warnings warnings;
    const strata::Model file = strata::read_keras_json_file(text, "model.json", warnings);
    BOOST_TEST(layer(file, "in").line == 2u);
    BOOST_TEST(layer(file, "in").column == 3u);
    BOOST_TEST(layer(file, "d").line == 5u);
    BOOST_TEST(layer(file, "d").column == 7u);
    BOOST_TEST(layer(read(text), "d").line == 0u);
}

// Columns count from after a byte order mark; the implicit input of a Sequential model takes
// the place of the layer that declares its shape; a double-encoded file (a JSON string holding
// the model) has no places, its layers are not written in the file as they are.
BOOST_AUTO_TEST_CASE(layer_places_after_a_byte_order_mark_and_in_a_double_encoded_file) {
    const std::string model =
        R"({"class_name": "Sequential", "config": {"name": "s", "layers": [)"
        R"({"class_name": "Dense", "config": {"name": "d", "units": 2, "batch_input_shape": [null, 4]}}, )"
        R"({"class_name": "Dense", "config": {"name": "e", "units": 3}}]}})";
    strata::Warnings warnings;
    const strata::Model marked =
        strata::read_keras_json_file("\xEF\xBB\xBF" + model, "model.json", warnings);
    const std::size_t d_column = model.find("{\"class_name\": \"Dense\"") + 1;
    const std::size_t e_column = model.rfind("{\"class_name\": \"Dense\"") + 1;
    BOOST_TEST(layer(marked, "d").line == 1u);
    BOOST_TEST(layer(marked, "d").column == d_column);
    BOOST_TEST(layer(marked, "e").column == e_column);
    BOOST_TEST(layer(marked, "d_input").column == d_column);

    std::string quoted = "\"";
    for (const char c : model) quoted += c == '"' ? std::string("\\\"") : std::string(1, c);
    quoted += "\"";
    const strata::Model encoded = strata::read_keras_json_file(quoted, "model.json", warnings);
    BOOST_TEST(layer(encoded, "e").line == 0u);
    BOOST_TEST(layer(encoded, "e").column == 0u);
}

BOOST_AUTO_TEST_CASE(a_shape_error_names_the_line_and_column_of_the_layer) {
    const std::string text =
        "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": [\n"
        "  {\"class_name\": \"InputLayer\", \"config\": {\"name\": \"in\",\n"
        "   \"batch_input_shape\": [null, 4, 4, 3]}},\n"
        "  {\"class_name\": \"GlobalAveragePooling2D\",\n"
        "   \"config\": {\"name\": \"gap\", \"keepdims\": 7}}]}}";
    strata::Warnings warnings;
    try {
        strata::parse_model(text, "model.json", warnings);
        BOOST_ERROR("keepdims 7 was accepted");
    } catch (const strata::Error& e) {
        BOOST_TEST(e.file() == "model.json");
        BOOST_TEST(e.line() == 4u);
        BOOST_TEST(e.column() == 3u);
        BOOST_TEST(e.message() ==
                   "layer 'gap' (GlobalAveragePooling2D): 'keepdims' holds 7, expected true or "
                   "false");
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(a_null_merge_mode_is_kept_apart_from_a_missing_one) {
    const strata::Model model =
        read(R"({"class_name": "Sequential", "config": {"name": "s", "layers": [
        {"class_name": "Bidirectional", "config": {"name": "both", "merge_mode": null,
         "batch_input_shape": [null, 5, 3],
         "layer": {"class_name": "LSTM", "config": {"name": "l", "units": 4}}}},
        {"class_name": "Bidirectional", "config": {"name": "concat",
         "layer": {"class_name": "LSTM", "config": {"name": "m", "units": 4}}}}]}})");
    BOOST_TEST(*attr<std::string>(layer(model, "both"), "merge_mode") == "None");
    BOOST_TEST(!attr<std::string>(layer(model, "concat"), "merge_mode").has_value());
}
