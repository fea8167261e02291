// Levels of detail: blocks and stages found in a model's names, and figures drawn a block or a
// stage per box. Measured on the block structure and on the scene.

#include <boost/test/unit_test.hpp>

#include <map>
#include <string>
#include <vector>

#include "layout/detail/blocks.hpp"
#include "layout/graph/short_labels.hpp"
#include "layout/layered/connectors.hpp"
#include "layout_context.hpp"
#include "strata/emit.hpp"
#include "strata/error.hpp"
#include "strata/render.hpp"

using namespace strata;

namespace {

Model corpus(const std::string& relative) {
    Warnings warnings;
    return load_model(std::string(STRATA_CORPUS_DIR) + "/" + relative, warnings);
}

std::vector<std::string> block_names(const layout::detail::BlockStructure& s) {
    std::vector<std::string> names;
    for (const auto& b : s.blocks) names.push_back(b.name);
    return names;
}

// Each stage as "name×blocks".
std::vector<std::string> stage_counts(const layout::detail::BlockStructure& s) {
    std::vector<std::string> out;
    for (const auto& st : s.stages)
        out.push_back(st.name + "\u00d7" + std::to_string(st.blocks.size()));
    return out;
}

using test::draw;

std::size_t boxes(const Scene& scene) {
    std::size_t n = 0;
    for (const Group& g : scene.groups) n += g.role == Role::layer;
    return n;
}

// The ×N labels of a scene, in order.
std::vector<std::string> repeat_labels(const Scene& scene) {
    std::vector<std::string> labels;
    for (const Group& g : scene.groups) {
        if (g.role == Role::annotation && g.label.rfind("\u00d7", 0) == 0)
            labels.push_back(g.label);
    }
    return labels;
}

std::size_t characters(const std::string& text) {
    std::size_t count = 0;
    for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

// Every label the scene's annotations carry, and their text, at most 32 characters.
void check_label_lengths(const Scene& scene) {
    for (const Group& g : scene.groups) {
        if (g.role != Role::annotation) continue;
        for (const Primitive& item : g.items) {
            if (const auto* run = std::get_if<TextRun>(&item)) {
                BOOST_TEST_CONTEXT(run->text) {
                    BOOST_TEST(characters(run->text) <= 32u);
                }
            }
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(levels)

BOOST_AUTO_TEST_CASE(keras_resnet50_has_16_bottlenecks_in_stages_of_3_4_6_3) {
    const auto s = layout::detail::find_blocks(corpus("generated/resnet50.json"));
    BOOST_TEST(s.blocks.size() == 16u);
    BOOST_TEST(s.blocks.front().name == "conv2_block1");
    BOOST_TEST(s.blocks.back().name == "conv5_block3");
    // A block holds its projection shortcut, its sum and its activation.
    const Model model = corpus("generated/resnet50.json");
    std::vector<std::string> first;
    for (std::size_t l : s.blocks.front().layers) first.push_back(model.layers[l].name);
    BOOST_TEST(first.size() == 12u);
    BOOST_TEST((std::find(first.begin(), first.end(), "conv2_block1_0_conv") != first.end()));
    BOOST_TEST(first.back() == "conv2_block1_out");
    const std::vector<std::string> stages{"conv2\u00d73", "conv3\u00d74", "conv4\u00d76",
                                          "conv5\u00d73"};
    BOOST_TEST(stage_counts(s) == stages, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(module_paths_give_blocks_and_stages,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    {
        const auto s = layout::detail::find_blocks(corpus("onnx/resnet50.onnx"));
        BOOST_TEST(s.blocks.size() == 16u);
        BOOST_TEST(s.blocks[3].name == "layer2.0");
        const std::vector<std::string> stages{"layer1\u00d73", "layer2\u00d74", "layer3\u00d76",
                                              "layer4\u00d73"};
        BOOST_TEST(stage_counts(s) == stages, boost::test_tools::per_element());
    }
    {
        // Dense layers (their concatenation, two convolutions) in four dense blocks; the
        // transitions between them are no blocks.
        const auto s = layout::detail::find_blocks(corpus("onnx/densenet121.onnx"));
        BOOST_TEST(s.blocks.size() == 58u);
        BOOST_TEST(s.blocks.front().name == "features.denseblock1.denselayer1");
        BOOST_TEST(s.blocks.front().layers.size() == 3u);
        const std::vector<std::string> stages{
            "features.denseblock1\u00d76", "features.denseblock2\u00d712",
            "features.denseblock3\u00d724", "features.denseblock4\u00d716"};
        BOOST_TEST(stage_counts(s) == stages, boost::test_tools::per_element());
    }
    {
        // Inception modules; their parallel branches are no blocks.
        const auto s = layout::detail::find_blocks(corpus("onnx/googlenet.onnx"));
        const std::vector<std::string> blocks{"inception3a", "inception3b", "inception4a",
                                              "inception4b", "inception4c", "inception4d",
                                              "inception4e", "inception5a", "inception5b"};
        BOOST_TEST(block_names(s) == blocks, boost::test_tools::per_element());
        const std::vector<std::string> stages{
            "inception3a\u2013b\u00d72", "inception4a\u2013e\u00d75", "inception5a\u2013b\u00d72"};
        BOOST_TEST(stage_counts(s) == stages, boost::test_tools::per_element());
    }
    {
        // One parent for every inverted residual block: stages split where the resolution
        // changes.
        const auto s = layout::detail::find_blocks(corpus("onnx/mobilenet_v2.onnx"));
        BOOST_TEST(s.blocks.size() == 17u);
        const std::vector<std::string> stages{
            "features.1\u00d71", "features.2\u20133\u00d72", "features.4\u20136\u00d73",
            "features.7\u201313\u00d77", "features.14\u201317\u00d74"};
        BOOST_TEST(stage_counts(s) == stages, boost::test_tools::per_element());
    }
    {
        // Swin transformer blocks under their stages, patch merging a block of its own.
        const auto s = layout::detail::find_blocks(corpus("onnx/swin_t.onnx"));
        const std::vector<std::string> stages{
            "features.1\u00d72", "features.2\u00d71", "features.3\u00d72", "features.4\u00d71",
            "features.5\u00d76", "features.6\u00d71", "features.7\u00d72"};
        BOOST_TEST(stage_counts(s) == stages, boost::test_tools::per_element());
    }
}

BOOST_AUTO_TEST_CASE(keras_prefixes_with_indices_and_letters) {
    {
        // "block_3_expand": a bare number after a word is that word's index.
        const auto s = layout::detail::find_blocks(corpus("generated/mobilenetv2.json"));
        BOOST_TEST(s.blocks.size() == 16u);
        BOOST_TEST(s.blocks.front().name == "block_1");
        BOOST_TEST(s.stages.size() == 4u);
    }
    {
        // EfficientNet's "block4a" … "block4c": the number is the stage, the letter the block.
        const auto s =
            layout::detail::find_blocks(corpus("keras/tfk2131_cnn_transformer_hybrid.json"));
        const std::vector<std::string> stages{"block1a\u00d71",        "block2a\u2013b\u00d72",
                                              "block3a\u2013b\u00d72", "block4a\u2013c\u00d73",
                                              "block5a\u2013c\u00d73", "block6a\u2013d\u00d74",
                                              "block7a\u00d71"};
        BOOST_TEST(stage_counts(s) == stages, boost::test_tools::per_element());
    }
    {
        // A convolution with its normalisation and activation ("block1_conv1_bn") is no block.
        const auto s = layout::detail::find_blocks(corpus("generated/vgg16.json"));
        const std::vector<std::string> blocks{"block1", "block2", "block3", "block4", "block5"};
        BOOST_TEST(block_names(s) == blocks, boost::test_tools::per_element());
    }
}

BOOST_AUTO_TEST_CASE(where_names_say_nothing_the_graph_gives_the_blocks) {
    // Keras' default names ("conv2d_3", "add_1"): each residual block is a stretch one tensor
    // enters and one leaves, named by its sum; the activation after a sum joins the stage.
    const auto s = layout::detail::find_blocks(corpus("keras/resnet18_rescaling_str_k211.json"));
    const std::vector<std::string> blocks{"add",   "add_1", "add_2", "add_3",
                                          "add_4", "add_5", "add_6", "add_7"};
    BOOST_TEST(block_names(s) == blocks, boost::test_tools::per_element());
    BOOST_TEST(s.blocks.front().layers.size() ==
               7u);  // two convolutions, their norms and ReLUs, the sum
    BOOST_TEST(s.stages.size() == 4u);
    for (const auto& st : s.stages) BOOST_TEST(st.blocks.size() == 2u);
    // A U-Net's nested skips make all of it one stretch: its blocks are the runs at one
    // resolution (its sizes are unknown: a pooling or upsampling layer starts a run).
    const std::vector<std::string> unet{"conv2d_2",  "conv2d_4",  "conv2d_6",
                                        "dropout_1", "dropout_2", "conv2d_13",
                                        "conv2d_16", "conv2d_19", "conv2d_24"};
    BOOST_TEST(block_names(layout::detail::find_blocks(corpus("keras/unet_k224.json"))) == unet,
               boost::test_tools::per_element());
    {
        // Each drawn alone, so that every skip still shows where it goes: with captions, a
        // page holds the nine.
        Options options;
        options.width = "17cm";
        options.text_callable = TextCallable::name;
        Warnings warnings;
        const Scene scene = draw(corpus("keras/unet_k224.json"), options, warnings);
        BOOST_TEST(scene.level == "block");
        BOOST_TEST(boxes(scene) == 9u);
        BOOST_TEST(scene.width <= 17 / 2.54 * 96 + 0.5);
        BOOST_TEST(warnings.empty());
    }
    // Two inputs whose chains interleave in the model's order give no such runs.
    BOOST_TEST(layout::detail::find_blocks(corpus("keras/tfjs_conv1d_multibranch_sqli.json"))
                   .blocks.empty());
    // A chain has no stretch that merges.
    BOOST_TEST(
        layout::detail::find_blocks(corpus("keras/vgg16_functional_k224.json")).blocks.empty());
}

BOOST_AUTO_TEST_CASE(a_long_skip_around_residual_blocks_leaves_them_blocks) {
    // An SRGAN generator: Keras' default names, and a skip from the first activation to the
    // sum after the sixteen residual blocks crosses every gap between them. Each block is a
    // stretch that only the tensor before it enters and only its sum leaves.
    const Model model = corpus("keras/srgan_generator_custom_pixelshuffler.json");
    const auto s = layout::detail::find_blocks(model);
    BOOST_REQUIRE(s.blocks.size() == 16u);
    BOOST_TEST(s.blocks.front().name == "add_18");
    BOOST_TEST(s.blocks.back().name == "add_33");
    for (const auto& b : s.blocks)
        BOOST_TEST(b.layers.size() == 6u);  // conv, act, bn, conv, bn, add
    BOOST_REQUIRE(s.stages.size() == 1u);
    BOOST_TEST(s.stages.front().blocks.size() == 16u);
    // In a column the blocks, alike, are drawn once ×16: the figure fits.
    Options options;
    options.width = "241pt";
    Warnings warnings;
    const Scene scene = draw(model, options, warnings);
    BOOST_TEST(scene.level == "block");
    BOOST_TEST(scene.width <= 241 / 0.75 + 0.5);
    BOOST_TEST(warnings.empty());
    BOOST_TEST(repeat_labels(scene) == std::vector<std::string>{"\u00d716  add_18\u201333"},
               boost::test_tools::per_element());
}

// Level auto at widths from 4 cm to 20 cm: a wider width never draws a coarser level.
BOOST_AUTO_TEST_CASE(a_wider_width_never_chooses_a_coarser_level) {
    std::vector<std::string> models = {"generated/resnet50.json",
                                       "keras/srgan_generator_custom_pixelshuffler.json"};
    if (STRATA_WITH_ONNX) {
        models.push_back("onnx/googlenet.onnx");
        models.push_back("onnx/densenet121.onnx");
    }
    const std::map<std::string, int> fineness{{"stage", 0}, {"block", 1}, {"layer", 2}};
    for (const std::string& relative : models) {
        const Model model = corpus(relative);
        int finest = -1;
        std::string before;
        for (const char* width : {"4cm", "5cm", "6cm", "7cm", "8cm", "241pt", "9cm", "10cm", "11cm",
                                  "12cm", "14cm", "17cm", "20cm"}) {
            Options options;
            options.width = width;
            const Scene scene = draw(model, options);
            BOOST_TEST_CONTEXT(relative << " at " << width << " after " << before) {
                BOOST_REQUIRE(fineness.count(scene.level) == 1u);
                BOOST_TEST(fineness.at(scene.level) >= finest);
            }
            finest = std::max(finest, fineness.at(scene.level));
            before = std::string(width) + ": " + scene.level;
        }
        // And the widest draws every layer.
        BOOST_TEST(finest == 2, relative);
    }
}

BOOST_AUTO_TEST_CASE(numbers_shared_across_names_make_blocks) {
    // Keras' MobileNet: "conv_pad_2", "conv_dw_2", "conv_pw_2" (each with its normalisation
    // and activation) are one depthwise separable block; no name numbers the blocks alone.
    const auto s = layout::detail::find_blocks(corpus("keras/mobilenet_v1_k220.json"));
    std::vector<std::string> blocks;
    for (int n = 1; n <= 13; ++n) blocks.push_back("conv_" + std::to_string(n));
    BOOST_TEST(block_names(s) == blocks, boost::test_tools::per_element());
    // Each a padding, a depthwise and a pointwise convolution, their norms and ReLUs.
    for (const auto& b : s.blocks) BOOST_TEST(b.layers.size() == 7u, b.name);
    // The stages by resolution.
    const std::vector<std::string> stages{"conv_1\u00d71", "conv_2\u20133\u00d72",
                                          "conv_4\u20135\u00d72", "conv_6\u201311\u00d76",
                                          "conv_12\u201313\u00d72"};
    BOOST_TEST(stage_counts(s) == stages, boost::test_tools::per_element());
    // With captions in a column, the stages fit.
    Options options;
    options.width = "241pt";
    options.text_callable = TextCallable::name;
    Warnings warnings;
    const Scene scene = draw(corpus("keras/mobilenet_v1_k220.json"), options, warnings);
    BOOST_TEST(scene.level == "stage");
    BOOST_TEST(scene.width <= 241 / 0.75 + 0.5);
    BOOST_TEST(warnings.empty());
}

BOOST_AUTO_TEST_CASE(a_nested_model_is_a_block) {
    const auto s = layout::detail::find_blocks(corpus("keras/conv_autoencoder_nested_models.json"));
    const std::vector<std::string> blocks{"encoder", "decoder"};
    BOOST_TEST(block_names(s) == blocks, boost::test_tools::per_element());
    // A nested ResNet50 keeps the blocks of its names.
    const auto nested =
        layout::detail::find_blocks(corpus("keras/resnet50_nested_in_sequential_k25.json"));
    BOOST_TEST(nested.blocks.size() == 16u);
    BOOST_TEST(nested.stages.size() == 4u);
}

BOOST_AUTO_TEST_CASE(resnet50_at_stage_level_is_a_handful_of_boxes) {
    const Model model = corpus("generated/resnet50.json");
    Options options;
    options.level = Level::stage;
    options.width = "17cm";
    const Scene scene = draw(model, options);
    // Input, conv1's four layers, pool1's two, four stages, pooling, classifier.
    BOOST_TEST(boxes(scene) == 13u);
    const std::vector<std::string> labels{"\u00d73  conv2", "\u00d74  conv3", "\u00d76  conv4",
                                          "\u00d73  conv5"};
    BOOST_TEST(repeat_labels(scene) == labels, boost::test_tools::per_element());
    std::size_t blocks = 0;
    for (const Group& g : scene.groups) {
        if (g.role != Role::layer || g.type != "Block") continue;
        ++blocks;
        BOOST_TEST(g.label.rfind("conv", 0) == 0u);
    }
    BOOST_TEST(blocks == 4u);
    BOOST_TEST(scene.width <= 17 / 2.54 * 96 + 0.5);
    check_label_lengths(scene);
}

BOOST_AUTO_TEST_CASE(densenet121_at_stage_level_shows_6_12_24_16,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    const Model model = corpus("onnx/densenet121.onnx");
    Options options;
    options.level = Level::stage;
    options.width = "17cm";
    const Scene scene = draw(model, options);
    const std::vector<std::string> labels{
        "\u00d76  features.denseblock1", "\u00d712  features.denseblock2",
        "\u00d724  features.denseblock3", "\u00d716  features.denseblock4"};
    BOOST_TEST(repeat_labels(scene) == labels, boost::test_tools::per_element());
    BOOST_TEST(boxes(scene) == 15u);
    // The box of a stage is sized by what leaves it: the dense block's last concatenation.
    for (const Group& g : scene.groups) {
        if (g.label == "features.denseblock1") BOOST_TEST(g.shape == "256 x 56 x 56");
    }
    check_label_lengths(scene);
}

BOOST_AUTO_TEST_CASE(block_level_draws_one_box_per_block,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    const Model model = corpus("onnx/resnet50.onnx");
    Options options;
    options.level = Level::block;
    options.collapse = Collapse::none;
    options.legend = true;
    const Scene scene = draw(model, options);
    // Input, conv1, maxpool, 16 blocks, pooling, classifier.
    BOOST_TEST(boxes(scene) == 21u);
    bool legend_block = false;
    for (const Group& g : scene.groups)
        legend_block |= g.role == Role::legend && g.label == "Block";
    BOOST_TEST(legend_block);
    // The layer level draws every convolution.
    options.level = Level::layer;
    BOOST_TEST(boxes(draw(model, options)) > 50u);
}

BOOST_AUTO_TEST_CASE(captions_count_layers_and_show_what_enters_a_block) {
    const Model model = corpus("generated/resnet50.json");
    Options options;
    options.level = Level::stage;
    options.caption = "{name}: {layers} layers, {in_shape} \u2192 {shape}, {params}";
    const Scene scene = draw(model, options);
    std::vector<std::string> captions;
    for (const Group& g : scene.groups) {
        if (g.role != Role::caption) continue;
        std::string text;
        for (const Primitive& item : g.items) {
            if (const auto* run = std::get_if<TextRun>(&item)) text += run->text;
        }
        captions.push_back(text);
    }
    // conv2: three blocks of ten layers, the first with its projection (two more); the
    // parameters of its convolutions and normalisations (76,928 + 2 × 71,552).
    const bool found =
        std::find(captions.begin(), captions.end(),
                  "conv2: 32 layers, 56 \u00d7 56 \u00d7 64 \u2192 56 \u00d7 56 \u00d7 256, "
                  "220,032") != captions.end();
    BOOST_TEST(found);
    // A layer stands for one layer; what enters it is not its own to say.
    options.level = Level::layer;
    options.caption = "{layers} {in_shape}";
    const Scene layers = draw(model, options);
    for (const Group& g : layers.groups) {
        if (g.role != Role::caption) continue;
        BOOST_TEST(std::get<TextRun>(g.items.front()).text == "1 ?");
        break;
    }
}

BOOST_AUTO_TEST_CASE(a_model_without_blocks_is_drawn_by_layer_with_a_warning) {
    const Model model = corpus("keras/vgg16_functional_k224.json");
    Options options;
    options.level = Level::block;
    Warnings warnings;
    const Scene scene = draw(model, options, warnings);
    BOOST_TEST(boxes(scene) == model.layers.size());
    BOOST_REQUIRE(warnings.size() == 1u);
    BOOST_TEST(warnings.front().where == "level");
}

BOOST_AUTO_TEST_CASE(auto_takes_the_finest_level_with_faces_2mm_tall) {
    const Model model = corpus("generated/resnet50.json");
    Options options;
    options.level = Level::automatic;
    // Without a width every layer is drawn.
    const Scene plain = draw(model, options);
    BOOST_TEST(plain.level == "");
    BOOST_TEST(boxes(plain) == 89u);
    // In 4 cm only the stages fit with every face 2 mm tall and the figure no taller than 0.6
    // of the width.
    options.width = "4cm";
    const Scene narrow = draw(model, options);
    BOOST_TEST(narrow.level == "stage");
    BOOST_TEST(to_scene_json(narrow).find("\"level\": \"stage\"") != std::string::npos);
    // In 10 cm the layers would stack into a tower of rows; the blocks do not (in a column of
    // 241 pt their ×N labels under the rows leave room only for the stages).
    options.width = "10cm";
    const Scene blocks = draw(model, options);
    BOOST_TEST(blocks.level == "block");
    // Collapse auto folds similar blocks at level auto: the blocks after each stage's first
    // are drawn once (×2, ×3, ×5, ×2): 25 boxes less those 8.
    BOOST_TEST(boxes(blocks) == 17u);
    BOOST_TEST(blocks.height <= 0.6 * 10 / 2.54 * 96 + 0.5);
    for (const Group& g : blocks.groups) {
        if (g.role == Role::layer && g.shape.find(" x ") != std::string::npos)
            BOOST_TEST(g.box->y2 - g.box->y1 >= 2 / 25.4 * 96 - 0.01);
    }
    // Wide enough, the layers, named too: auto says what it chose.
    options.width = "300cm";
    const Scene wide = draw(model, options);
    BOOST_TEST(wide.level == "layer");
    BOOST_TEST(boxes(wide) == 89u);
    // A level asked for is named in the scene too.
    options.level = Level::block;
    BOOST_TEST(draw(model, options).level == "block");
}

BOOST_AUTO_TEST_CASE(auto_is_the_default_with_a_width_and_layer_without_or_in_compat_mode) {
    const Model model = corpus("generated/resnet50.json");
    Options options;
    BOOST_TEST((options.level == Level::automatic));
    const Scene plain = draw(model, options);
    BOOST_TEST(plain.level == "");
    BOOST_TEST(boxes(plain) == 89u);
    options.width = "10cm";
    const Scene column = draw(model, options);
    BOOST_TEST(column.level == "block");
    BOOST_TEST(boxes(column) == 17u);  // similar blocks folded
    // visualkeras draws every layer, and so does its compat mode.
    options.compat_visualkeras = true;
    const Scene compat = draw(model, options);
    BOOST_TEST(compat.level == "");
    options.level = Level::layer;
    BOOST_TEST(boxes(compat) == boxes(draw(model, options)));
}

BOOST_AUTO_TEST_CASE(a_block_box_is_marked_as_one_in_the_figure_and_the_legend) {
    const Model model = corpus("generated/resnet50.json");
    Options options;
    options.level = Level::block;
    options.collapse = Collapse::none;
    options.legend = true;
    const Scene scene = draw(model, options);
    std::size_t blocks = 0, marked = 0;
    for (const Group& g : scene.groups) {
        if (g.type != "Block" || (g.role != Role::layer && g.role != Role::legend)) continue;
        blocks += g.role == Role::layer;
        const Polygon* front = nullptr;
        const Polygon* inset = nullptr;
        for (const Primitive& item : g.items) {
            if (const auto* p = std::get_if<Polygon>(&item)) {
                if (p->name == "front") front = p;
                if (p->name == "inset") inset = p;
            }
        }
        BOOST_TEST_CONTEXT(g.id) {
            BOOST_TEST_REQUIRE(front != nullptr);
            BOOST_TEST_REQUIRE(inset != nullptr);
            // A second outline, unfilled, strictly inside the front face.
            BOOST_TEST(!inset->fill.has_value());
            BOOST_TEST(inset->points[0].x > front->points[0].x);
            BOOST_TEST(inset->points[0].y > front->points[0].y);
            BOOST_TEST(inset->points[2].x < front->points[2].x);
            BOOST_TEST(inset->points[2].y < front->points[2].y);
            marked += g.role == Role::layer;
        }
        if (g.role == Role::legend) BOOST_TEST(g.label == "Block");
    }
    BOOST_TEST(blocks == 16u);
    BOOST_TEST(marked == blocks);
    // A layer is not marked.
    for (const Group& g : scene.groups) {
        if (g.role != Role::layer || g.type == "Block") continue;
        for (const Primitive& item : g.items) {
            if (const auto* p = std::get_if<Polygon>(&item)) BOOST_TEST(p->name != "inset");
        }
    }
}

BOOST_AUTO_TEST_CASE(short_labels_from_names) {
    using layout::graph::range_label;
    using layout::graph::short_label;
    BOOST_TEST(range_label("conv3_block2_out", "conv3_block4_out") == "conv3_block2\u20134");
    BOOST_TEST(range_label("encoder_layer_0", "encoder_layer_10") == "encoder_layer_0\u201310");
    BOOST_TEST(range_label("Mixed_6c", "Mixed_6d") == "Mixed_6c\u2013d");
    BOOST_TEST(range_label("layer12", "layer22") == "layer12\u201322");
    // ONNX op suffixes never show.
    BOOST_TEST(range_label("features.1.0.Add_1", "features.1.1.Add_1") == "features.1.0\u20131");
    BOOST_TEST(range_label("features.2.Concat", "features.2.Concat") == "features.2");
    BOOST_TEST(range_label("dense", "flatten") == "dense \u2013 flatten");
    // At most 32 characters, cut in the middle.
    const std::string long_name(40, 'a');
    BOOST_TEST(short_label(long_name) == std::string(15, 'a') + "\u2026" + std::string(16, 'a'));
    BOOST_TEST(characters(range_label(long_name + "_1", long_name + "_9")) == 32u);
    BOOST_TEST(short_label("\u00d7" + std::string(31, 'b')) == "\u00d7" + std::string(31, 'b'));
}

// A U-Net drawn block by block: its skips go into blocks whose Concatenate merges them, so
// they are copies (blue, "copy" in the legend), not residual sums, as at level layer.
BOOST_AUTO_TEST_CASE(skips_into_a_block_that_concatenates_them_are_copies) {
    const Model model = corpus("keras/unet_k224.json");
    for (const char* width : {"241pt", "17cm"}) {
        Options options;
        options.level = Level::block;
        options.legend = true;
        options.width = width;
        Warnings warnings;
        const Scene scene = layout_layered(model, options, warnings);
        std::size_t copies = 0;
        std::string legend;
        for (const Group& g : scene.groups) {
            if (g.role == Role::legend) {
                for (const Primitive& item : g.items) {
                    if (const auto* run = std::get_if<TextRun>(&item)) legend += run->text + "|";
                }
            }
            if (g.role != Role::connector || g.label.find(" from ") == std::string::npos) continue;
            BOOST_TEST_CONTEXT(width << ": " << g.label) {
                BOOST_TEST(g.label.rfind("copy from ", 0) == 0u);
                for (const Primitive& item : g.items) {
                    if (const auto* line = std::get_if<Polyline>(&item))
                        BOOST_TEST((line->stroke == layout::kCopyColor));
                }
            }
            copies += g.label.rfind("copy from ", 0) == 0;
        }
        BOOST_TEST(copies == 4u);
        BOOST_TEST(legend.find("copy (concatenation)") != std::string::npos, legend);
        BOOST_TEST(legend.find("residual") == std::string::npos, legend);
    }
}

BOOST_AUTO_TEST_SUITE_END()
