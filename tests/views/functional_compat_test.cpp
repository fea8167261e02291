#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>
#include <vector>

#include "raster/raster_support.hpp"
#include "strata/emit.hpp"
#include "strata/import.hpp"
#include "strata/layout.hpp"
#include "strata/option_table.hpp"

using namespace strata;
using namespace strata::test;

namespace {

// The models and option sets of tests/views/functional/make_references.py, which made the
// pictures compared here with visualkeras itself (text off on both sides).
const std::vector<std::pair<std::string, std::string>> kModels = {
    {"vgg16", "generated/vgg16.json"},
    {"unet", "generated/unet.json"},
    {"autoencoder", "generated/autoencoder.json"},
    {"conv1d_audio", "generated/conv1d_audio.json"},
    {"small_lstm", "onnx/small_lstm.onnx"},
    {"resnet18", "onnx/resnet18.onnx"}};

Options option_set(const std::string& name) {
    Options o;
    apply_view(o, View::functional);
    o.compat_visualkeras = true;
    if (name == "options") {
        o.column_spacing = 50;
        o.row_spacing = 25;
        o.component_spacing = 60;
        o.padding = 30;
        o.connector_width = 3;
        o.connector_arrow = true;
        o.add_output_nodes = true;
        o.render_virtual_nodes = true;
        o.virtual_node_size = 10;
    }
    return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(functional_compat)

// --compat-visualkeras draws what visualkeras' functional_view draws: the same canvas, and on
// average within 3/255 of each channel of each pixel (line ends and antialiasing differ).
BOOST_AUTO_TEST_CASE(compat_pictures_match_visualkeras) {
    const fs::path references = fs::path(STRATA_SOURCE_DIR) / "tests/views/functional/references";
    for (const auto& [name, file] : kModels) {
        for (const std::string set : {"default", "options"}) {
            BOOST_TEST_CONTEXT(name << "-" << set) {
                Warnings warnings;
                const Model model =
                    load_model((fs::path(STRATA_CORPUS_DIR) / file).string(), warnings);
                const Scene scene = layout_layered(model, option_set(set), warnings);
                const Surface ours = decode_png(to_png(scene, {}, warnings));
                const Surface theirs =
                    decode_png(read_file(references / (name + "-" + set + ".png")));
                BOOST_TEST_REQUIRE(ours != nullptr);
                BOOST_TEST_REQUIRE(theirs != nullptr);
                BOOST_TEST_REQUIRE(width_of(ours) == width_of(theirs));
                BOOST_TEST_REQUIRE(height_of(ours) == height_of(theirs));
                BOOST_TEST(mean_channel_difference(ours, theirs) <= 3.0);
            }
        }
    }
}

// The collapse cases of make_references.py: runs drawn once, with their badges and arrows.
BOOST_AUTO_TEST_CASE(compat_collapse_pictures_match_visualkeras) {
    const fs::path references = fs::path(STRATA_SOURCE_DIR) / "tests/views/functional/references";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"vgg16",
         "[{kind: layer, selector: Conv2D, repeat_count: 3}, {kind: block, selector: [Conv2D, "
         "Conv2D, MaxPooling2D], repeat_count: 2, label: 2 blocks}]"},
        {"conv1d_audio",
         "[{kind: block, selector: [Conv1D, BatchNormalization, Activation, MaxPooling1D], "
         "repeat_count: 2, annotation_position: below}]"}};
    for (const auto& [name, rules] : cases) {
        BOOST_TEST_CONTEXT(name) {
            Warnings warnings;
            const Model model = load_model(
                (fs::path(STRATA_CORPUS_DIR) / "generated" / (name + ".json")).string(), warnings);
            Options o = option_set("default");
            set_option(o, "collapse_enabled", "true", "test");
            set_option(o, "collapse_rules", rules, "test");
            const Scene scene = layout_layered(model, o, warnings);
            BOOST_TEST(warnings.empty());
            const Surface ours = decode_png(to_png(scene, {}, warnings));
            const Surface theirs = decode_png(read_file(references / (name + "-collapse.png")));
            BOOST_TEST_REQUIRE(ours != nullptr);
            BOOST_TEST_REQUIRE(theirs != nullptr);
            BOOST_TEST_REQUIRE(width_of(ours) == width_of(theirs));
            BOOST_TEST_REQUIRE(height_of(ours) == height_of(theirs));
            BOOST_TEST(mean_channel_difference(ours, theirs) <= 3.0);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
