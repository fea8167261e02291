// The layered view of an ONNX graph: boxes a paper figure would show, named by module path,
// typed with Keras words, shaped as the graph has them; --onnx-raw keeps every op.
#include <boost/test/unit_test.hpp>

#include "onnx_corpus.hpp"
#include "strata/render.hpp"

namespace {

using strata::kUnknownDim;
using strata::Shape;

const strata::Layer& layer(const strata::Model& model, const std::string& name) {
    const auto index = model.find(name);
    if (!index) throw std::runtime_error("no layer " + name);
    return model.layers[*index];
}

std::vector<std::string> inputs_of(const strata::Model& model, const std::string& name) {
    std::vector<std::string> names;
    for (const auto& ref : layer(model, name).inputs) names.push_back(model.layers[ref.layer].name);
    return names;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(onnx_folding)

BOOST_AUTO_TEST_CASE(resnet18_folds_into_the_boxes_of_the_keras_figure) {
    const strata::Model model = onnx_test::read_corpus_model("resnet18.onnx");
    BOOST_TEST(model.format == "onnx");
    // input, conv1, maxpool, 16 block convs, 3 downsample convs, 8 adds, avgpool, fc.
    BOOST_TEST(model.layers.size() == 32u);
    const auto& conv = layer(model, "layer1.0.conv1");
    BOOST_TEST(conv.type == "Conv2D");
    BOOST_TEST(conv.shapes.front() == (Shape{kUnknownDim, 64, 56, 56}),
               boost::test_tools::per_element());
    BOOST_TEST(layer(model, "conv1").params.value_or(0) == 64 * 3 * 7 * 7 + 64);
    BOOST_TEST(layer(model, "layer1.0").type == "Add");
    BOOST_TEST(
        inputs_of(model, "layer1.0") == (std::vector<std::string>{"layer1.0.conv2", "maxpool"}),
        boost::test_tools::per_element());
    BOOST_TEST(layer(model, "layer2.0.downsample.0").type == "Conv2D");
    BOOST_TEST(layer(model, "maxpool").type == "MaxPooling2D");
    // GlobalAveragePool then Flatten: one box, shaped as Keras' GlobalAveragePooling2D.
    BOOST_TEST(layer(model, "avgpool").type == "GlobalAveragePooling2D");
    BOOST_TEST(layer(model, "avgpool").shapes.front() == (Shape{kUnknownDim, 512}),
               boost::test_tools::per_element());
    BOOST_TEST(layer(model, "fc").type == "Dense");
    BOOST_TEST(layer(model, "input").shapes.front() == (Shape{kUnknownDim, 3, 224, 224}),
               boost::test_tools::per_element());
    for (const auto& l : model.layers) BOOST_TEST(l.type != "Relu");
}

BOOST_AUTO_TEST_CASE(raw_keeps_every_op_with_its_onnx_name_and_type) {
    const strata::Model model = onnx_test::read_corpus_model("resnet18.onnx", true);
    BOOST_TEST(model.layers.size() == 1u + 49u);
    const auto& relu = layer(model, "/layer1/layer1.0/relu/Relu");
    BOOST_TEST(relu.type == "Relu");
    BOOST_TEST(relu.shapes.front() == (Shape{kUnknownDim, 64, 56, 56}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_file_without_value_info_folds_the_same) {
    const strata::Model with = onnx_test::read_corpus_model("densenet121.onnx");
    const strata::Model without = onnx_test::read_corpus_model("densenet121.noshapes.onnx");
    BOOST_REQUIRE(with.layers.size() == without.layers.size());
    for (std::size_t i = 0; i < with.layers.size(); ++i) {
        BOOST_TEST(with.layers[i].name == without.layers[i].name);
        BOOST_TEST(with.layers[i].shapes == without.layers[i].shapes);
        BOOST_TEST((with.layers[i].channel_axis == without.layers[i].channel_axis));
    }
}

BOOST_AUTO_TEST_CASE(batch_norm_and_activations_fold_into_the_op_they_follow) {
    const strata::Model model = onnx_test::read_corpus_model("densenet121.onnx");
    for (const auto& l : model.layers) {
        BOOST_TEST(l.type != "BatchNormalization");
        BOOST_TEST(l.type != "Relu");
    }
    const auto& concat = layer(model, "features.denseblock1.denselayer2");
    BOOST_TEST(concat.type == "Concatenate");
    BOOST_TEST(concat.shapes.front() == (Shape{kUnknownDim, 96, 56, 56}),
               boost::test_tools::per_element());
    BOOST_TEST(layer(model, "features.denseblock1.denselayer2.conv1").type == "Conv2D");
}

BOOST_AUTO_TEST_CASE(mobilenet_boxes_are_typed_like_keras_layers) {
    const strata::Model v2 = onnx_test::read_corpus_model("mobilenet_v2.onnx");
    BOOST_TEST(layer(v2, "features.1.conv.0.0").type == "DepthwiseConv2D");
    for (const auto& l : v2.layers) BOOST_TEST(l.type != "Clip");
    // Squeeze-and-excitation: the scale multiplies the features; hard-swish folds away.
    const strata::Model v3 = onnx_test::read_corpus_model("mobilenet_v3_small.onnx");
    BOOST_TEST(layer(v3, "features.1.block.1").type == "Multiply");
    BOOST_TEST(inputs_of(v3, "features.1.block.1").size() == 2u);
    for (const auto& l : v3.layers) BOOST_TEST(l.type != "HardSigmoid");
}

BOOST_AUTO_TEST_CASE(shape_arithmetic_and_channel_shuffles_fold_away) {
    const strata::Model model = onnx_test::read_corpus_model("shufflenet_v2_x1_0.noshapes.onnx");
    for (const auto& l : model.layers) {
        BOOST_TEST(l.type != "Shape");
        BOOST_TEST(l.type != "Reshape");
        BOOST_TEST(l.type != "Gather");
    }
    // Concatenate, then the shuffle's Reshape → Transpose → Reshape: still channels-first.
    const auto& shuffled = layer(model, "stage2.0");
    BOOST_TEST(shuffled.shapes.front() == (Shape{kUnknownDim, 116, 28, 28}),
               boost::test_tools::per_element());
    BOOST_TEST(shuffled.channel_axis.value_or(0) == 1u);
}

BOOST_AUTO_TEST_CASE(attention_written_out_as_matrix_products_is_one_box) {
    const strata::Model model = onnx_test::read_corpus_model("swin_t.noshapes.onnx");
    const auto& attention = layer(model, "features.1.0.attn");
    BOOST_TEST(attention.type == "MultiHeadAttention");
    BOOST_TEST(attention.shapes.front() == (Shape{kUnknownDim, 56, 56, 96}),
               boost::test_tools::per_element());
    BOOST_TEST(model.layers.size() < 100u);
}

BOOST_AUTO_TEST_CASE(every_corpus_file_renders_with_every_box_shaped) {
    for (const std::string& name : onnx_test::corpus_names()) {
        for (const std::string& file : {name + ".onnx", name + ".noshapes.onnx"}) {
            for (bool raw : {false, true}) {
                strata::Warnings warnings;
                const std::string path = (onnx_test::kCorpus / file).string();
                strata::ImportOptions import;
                import.onnx_raw = raw;
                const strata::Model model = strata::load_model(path, warnings, import);
                BOOST_TEST_INFO(file << (raw ? " raw" : ""));
                BOOST_TEST(warnings.empty());
                for (const auto& l : model.layers) {
                    BOOST_TEST_INFO(file << ": " << l.name);
                    BOOST_TEST(l.shape_known);
                }
                const std::string svg =
                    strata::to_svg(strata::layout_layered(model, strata::Options{}, warnings));
                BOOST_TEST(svg.find("<svg") != std::string::npos);
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
