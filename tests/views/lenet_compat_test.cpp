// --compat-visualkeras draws visualkeras' lenet_view picture: the same canvas and, pixel for
// pixel, nearly the same colours as the PNGs visualkeras itself drew
// (lenet/make_references.py, provenance in lenet/references/README.md). Labels are off on
// both sides: visualkeras sets them in Pillow's bitmap font, which strata does not draw.

#include <boost/test/unit_test.hpp>

#include <string>

#include "raster/raster_support.hpp"
#include "views/lenet_support.hpp"

using namespace strata;
using namespace strata::test;

namespace {

// At most 3/255 on average over all channels of all pixels.
constexpr double kMaxMeanDifference = 3.0;

struct Reference {
    const char* name;
    const char* model;
    bool onnx = false;
};

constexpr Reference kReferences[] = {
    {"fer2013_cnn", "keras/fer2013_cnn.json"},
    {"vgg16_sequential", "keras/vgg16_sequential_k212.json"},
    {"small_cnn_nested", "keras/small_cnn_nested_model_k211.json"},
    {"conv1d_multibranch", "keras/conv1d_multibranch_text.json"},
    {"lstm_sentiment", "keras/lstm_sentiment_k210.json"},
    {"conv1d_exoplanet", "keras/conv1d_exoplanet.json"},
    {"alexnet_onnx", "onnx/alexnet.onnx", true},
};

// The option sets of make_references.py.
Options option_set(const std::string& name) {
    Options o = lenet_options();
    o.compat_visualkeras = true;
    o.top_label = o.bottom_label = false;
    if (name == "styled") {
        o.layer_spacing = 28;
        o.map_spacing = 3;
        o.max_visual_channels = 6;
        o.max_xy = 160;
        o.min_xy = 16;
        o.padding = 14;
        o.patch_scale = 1.5;
        o.seed = 7;
        o.connector_fill = *parse_color("#c05000");
        o.patch_fill = *parse_color("#ffd700");
    }
    return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lenet_compat)

BOOST_AUTO_TEST_CASE(compat_pictures_match_visualkeras) {
    int compared = 0;
    for (const Reference& ref : kReferences) {
        if (ref.onnx && !STRATA_WITH_ONNX) continue;
        const Model model = lenet_model(ref.model);
        for (const std::string set : {"default", "styled"}) {
            const std::string name = std::string(ref.name) + "-" + set;
            BOOST_TEST_CONTEXT(name) {
                const fs::path png =
                    fs::path(STRATA_SOURCE_DIR) / "tests/views/lenet/references" / (name + ".png");
                const Surface reference = decode_png(read_file(png));
                BOOST_TEST_REQUIRE(reference != nullptr);
                const Scene scene = lenet_scene(model, option_set(set));
                const Surface ours = decode_png(to_png(scene, {.dpi = 96, .scale = 1}));
                BOOST_TEST_REQUIRE(ours != nullptr);
                BOOST_TEST_REQUIRE(width_of(ours) == width_of(reference));
                BOOST_TEST_REQUIRE(height_of(ours) == height_of(reference));
                const double difference = mean_channel_difference(ours, reference);
                BOOST_TEST_MESSAGE(name << ": " << width_of(ours) << " x " << height_of(ours)
                                        << " px, mean channel difference " << difference << "/255");
                BOOST_TEST(difference <= kMaxMeanDifference);
                ++compared;
            }
        }
    }
    BOOST_TEST(compared >= 12);
}

BOOST_AUTO_TEST_SUITE_END()
