// `--collapse similar`: consecutive blocks of one structure whose sizes differ are drawn once,
// marked ×N and with what changes. Measured on the scene's brackets.

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "layout/detail/blocks.hpp"
#include "layout/detail/similar_blocks.hpp"
#include "layout/graph/short_labels.hpp"
#include "layout_context.hpp"
#include "strata/render.hpp"

using namespace strata;

namespace {

Model corpus(const std::string& relative) {
    Warnings warnings;
    return load_model(std::string(STRATA_CORPUS_DIR) + "/" + relative, warnings);
}

// The text of the ×N brackets of a scene, in order.
std::vector<std::string> repeat_labels(const Scene& scene) {
    std::vector<std::string> labels;
    for (const Group& g : scene.groups) {
        if (g.role != Role::annotation || g.label.rfind("\u00d7", 0) != 0) continue;
        for (const Primitive& item : g.items) {
            if (const auto* run = std::get_if<TextRun>(&item)) labels.push_back(run->text);
        }
    }
    return labels;
}

std::size_t boxes(const Scene& scene) {
    std::size_t n = 0;
    for (const Group& g : scene.groups) n += g.role == Role::layer;
    return n;
}

Options at(Level level, Collapse collapse) {
    Options options;
    options.level = level;
    options.collapse = collapse;
    return options;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(similar_blocks)

BOOST_AUTO_TEST_CASE(densenet121_dense_layers_fold_with_their_channel_ranges,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    const Model model = corpus("onnx/densenet121.onnx");
    const Scene scene = test::draw(model, at(Level::block, Collapse::similar));
    // The channels entering each dense layer grow by 32 from one to the next. The run is named
    // by its layers' range: the block's own name is its closing concatenation's.
    const std::vector<std::string> labels{"\u00d76  denselayer1\u20136 \u00b7 64\u2192224 ch",
                                          "\u00d712  denselayer1\u201312 \u00b7 128\u2192480 ch",
                                          "\u00d724  denselayer1\u201324 \u00b7 256\u2192992 ch",
                                          "\u00d716  denselayer1\u201316 \u00b7 512\u2192992 ch"};
    BOOST_TEST(repeat_labels(scene) == labels, boost::test_tools::per_element());
    for (const std::string& label : repeat_labels(scene))
        BOOST_TEST(layout::graph::label_length(label) <= 32u);
    // No two dense layers are identical: exactly alike, every one is drawn.
    const Scene exact = test::draw(model, at(Level::block, Collapse::exact));
    BOOST_TEST(repeat_labels(exact).empty());
    BOOST_TEST(boxes(exact) == boxes(scene) + 58 - 4);
}

BOOST_AUTO_TEST_CASE(mobilenetv2_folds_its_repeated_inverted_residuals) {
    const Model model = corpus("generated/mobilenetv2.json");
    const Scene scene = test::draw(model, at(Level::block, Collapse::similar));
    // The first block of each run changes the channels or the resolution and has no sum: it
    // is not like the blocks after it.
    const std::vector<std::string> labels{"\u00d72  block_4\u20135", "\u00d73  block_7\u20139",
                                          "\u00d72  block_11\u201312", "\u00d72  block_14\u201315"};
    BOOST_TEST(repeat_labels(scene) == labels, boost::test_tools::per_element());
    BOOST_TEST(repeat_labels(test::draw(model, at(Level::block, Collapse::exact))).empty());
}

BOOST_AUTO_TEST_CASE(the_labels_of_many_small_units_stay_apart) {
    // Four ×N units close together under one row: a label that would run into any label
    // before it goes a line lower, so none touches another.
    Options options = at(Level::block, Collapse::similar);
    options.width = "17cm";
    const Scene scene = test::draw(corpus("generated/mobilenetv2.json"), options);
    std::vector<const TextRun*> runs;
    for (const Group& g : scene.groups) {
        if (g.role != Role::annotation || g.label.rfind("\u00d7", 0) != 0) continue;
        for (const Primitive& item : g.items) {
            if (const auto* run = std::get_if<TextRun>(&item)) runs.push_back(run);
        }
    }
    BOOST_REQUIRE(runs.size() == 4u);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        for (std::size_t j = i + 1; j < runs.size(); ++j) {
            const TextRun &a = *runs[i], &b = *runs[j];
            const bool apart_x = a.x + a.advance <= b.x || b.x + b.advance <= a.x;
            const bool apart_y =
                a.y + a.descent <= b.y - b.ascent || b.y + b.descent <= a.y - a.ascent;
            BOOST_TEST((apart_x || apart_y), a.text << " and " << b.text);
        }
    }
}

BOOST_AUTO_TEST_CASE(efficientnet_blocks_fold_whatever_their_dropout_rate) {
    const auto s = layout::detail::find_blocks(corpus("keras/tfk2131_cnn_transformer_hybrid.json"));
    std::vector<std::string> runs;
    for (const auto& run :
         layout::detail::similar_runs(corpus("keras/tfk2131_cnn_transformer_hybrid.json"), s))
        runs.push_back(run.name);
    const std::vector<std::string> expected{"block4b\u2013c", "block5b\u2013c", "block6b\u2013d"};
    BOOST_TEST(runs == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_stage_of_similar_blocks_says_what_changes,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    const Model model = corpus("onnx/googlenet.onnx");
    const std::vector<std::string> labels{"\u00d72  inception3a\u2013b \u00b7 64\u2192128 ch",
                                          "\u00d75  inception4a\u2013e \u00b7 192\u2192256 ch",
                                          "\u00d72  inception5a\u2013b \u00b7 256\u2192384 ch"};
    BOOST_TEST(repeat_labels(test::draw(model, at(Level::stage, Collapse::similar))) == labels,
               boost::test_tools::per_element());
    // Exact keeps the stage labels as they were.
    const std::vector<std::string> plain{"\u00d72  inception3a\u2013b",
                                         "\u00d75  inception4a\u2013e",
                                         "\u00d72  inception5a\u2013b"};
    BOOST_TEST(repeat_labels(test::draw(model, at(Level::stage, Collapse::exact))) == plain,
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(collapse_auto_is_similar_at_level_auto_and_exact_otherwise,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    Options options;
    BOOST_TEST((options.collapse == Collapse::automatic));
    const Model mobilenet = corpus("generated/mobilenetv2.json");
    options.level = Level::block;
    BOOST_TEST(to_scene_json(test::draw(mobilenet, options)) ==
               to_scene_json(test::draw(mobilenet, at(Level::block, Collapse::exact))));
    // At level auto the stages of GoogLeNet in 5 cm say what changes along them.
    const Model googlenet = corpus("onnx/googlenet.onnx");
    options.level = Level::automatic;
    options.width = "5cm";
    const Scene scene = test::draw(googlenet, options);
    BOOST_TEST(scene.level == "stage");
    const std::vector<std::string> labels = repeat_labels(scene);
    BOOST_REQUIRE(labels.size() == 3u);
    // The count and the change whole; the name too where the row has room for it.
    BOOST_TEST(labels[1].starts_with("\u00d75"));
    BOOST_TEST(labels[1].ends_with(" \u00b7 192\u2192256 ch"));
    // Exact at the same level: the stages without what changes.
    options.level = Level::stage;
    options.collapse = Collapse::exact;
    const std::vector<std::string> exact = repeat_labels(test::draw(googlenet, options));
    BOOST_REQUIRE(exact.size() == 3u);
    BOOST_TEST(exact[1] == "\u00d75  inception4a\u2013e");
}

BOOST_AUTO_TEST_CASE(densenet121_at_a_paper_width_folds_its_dense_layers_layer_by_layer,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    const Model model = corpus("onnx/densenet121.onnx");
    Options options;
    options.width = "17cm";
    const Scene scene = test::draw(model, options);
    // Layers fit: each dense block's first dense layer is drawn layer by layer, marked with
    // how many it stands for and what changes along them, as at level block.
    BOOST_TEST(scene.level == "layer");
    const std::vector<std::string> labels = repeat_labels(scene);
    BOOST_REQUIRE(labels.size() == 4u);
    const std::vector<std::string> counts{"\u00d76 ", "\u00d712 ", "\u00d724 ", "\u00d716 "};
    const std::vector<std::string> changes{"64\u2192224 ch", "128\u2192480 ch", "256\u2192992 ch",
                                           "512\u2192992 ch"};
    for (std::size_t i = 0; i < labels.size(); ++i) {
        BOOST_TEST(labels[i].starts_with(counts[i]), labels[i]);
        BOOST_TEST(labels[i].ends_with(changes[i]), labels[i]);
    }
    // A dense layer to expand leaves its run drawn layer by layer, every dense layer of it.
    options.expand = {"features.denseblock2.denselayer3"};
    const Scene expanded = test::draw(model, options);
    BOOST_TEST(expanded.level == "layer");
    BOOST_TEST(repeat_labels(expanded).size() == 3u);
    BOOST_TEST(boxes(expanded) >= boxes(scene) + 11 * 3);  // a concatenation, two convolutions
    options.expand.clear();
    // Exact folds nothing: no two dense layers are alike in their sizes.
    options.collapse = Collapse::exact;
    const Scene exact = test::draw(model, options);
    BOOST_TEST(repeat_labels(exact).empty());
    BOOST_TEST(boxes(exact) > boxes(scene) + 100);
    // Without a width, or with collapse exact, every dense layer is drawn.
    options = Options{};
    BOOST_TEST(repeat_labels(test::draw(model, options)).empty());
    // Collapse similar at level layer folds them too; expanding a block of a run draws its
    // run's blocks one by one.
    options.level = Level::layer;
    options.collapse = Collapse::similar;
    BOOST_TEST(repeat_labels(test::draw(model, options)).size() == 4u);
    options.expand = {"denseblock2"};
    BOOST_TEST(repeat_labels(test::draw(model, options)).size() == 3u);
}

BOOST_AUTO_TEST_CASE(structure_leaves_out_channel_counts_and_outside_inputs) {
    Model model;
    const auto add = [&](std::string type, std::vector<std::size_t> inputs, std::int64_t filters) {
        Layer l;
        l.name = "l" + std::to_string(model.layers.size());
        l.type = std::move(type);
        for (std::size_t i : inputs) l.inputs.push_back({i, 0});
        l.attrs["filters"] = filters;
        l.attrs["kernel_size"] = std::vector<std::int64_t>{3, 3};
        model.layers.push_back(std::move(l));
    };
    add("InputLayer", {}, 0);       // 0
    add("Concatenate", {0}, 0);     // 1
    add("Conv2D", {1}, 64);         // 2
    add("Concatenate", {0, 2}, 0);  // 3: one more input from outside
    add("Conv2D", {3}, 96);         // 4
    add("Conv2D", {3}, 96);         // 5: kernel differs below
    model.layers[5].attrs["kernel_size"] = std::vector<std::int64_t>{1, 1};
    using layout::detail::block_structure;
    BOOST_TEST(block_structure(model, {1, 2}) == block_structure(model, {3, 4}));
    BOOST_TEST(block_structure(model, {1, 2}) != block_structure(model, {3, 5}));
}

BOOST_AUTO_TEST_SUITE_END()
