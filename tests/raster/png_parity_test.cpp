// The PNG writer draws the same picture as an SVG renderer: strata's own SVG of the same scene,
// rendered by rsvg-convert, may differ from strata's PNG by antialiasing only.

#include <boost/test/unit_test.hpp>

#include <string>

#include "layout/reference_model.hpp"
#include "raster/raster_support.hpp"
#include "strata/render.hpp"

using namespace strata;
using namespace strata::test;

namespace {

// At most 2/255 on average over all channels of all pixels.
constexpr double kMaxMeanDifference = 2.0;

Scene scene_of(const Model& model, const std::string& text_callable) {
    Options options;
    options.text_callable =
        text_callable.empty() ? TextCallable::none : *choice_named<TextCallable>(text_callable);
    Warnings warnings;
    return layout_layered(model, options, warnings);
}

Model corpus_model(const std::string& file) {
    Warnings warnings;
    return load_model(std::string(STRATA_CORPUS_DIR) + "/" + file, warnings);
}

// Renders the scene both ways and checks that size and pixels agree.
void check_parity(const std::string& name, const Scene& scene, double scale = 1) {
    if (!strata_test::needs_tool(strata_test::kRasterTools, "rsvg-convert")) return;
    BOOST_TEST_CONTEXT(name) {
        ScratchDir scratch("parity-" + name);
        const fs::path svg = scratch.path / "scene.svg", png = scratch.path / "rsvg.png";
        write_file(svg, to_svg(scene));
        const std::string command =
            "rsvg-convert -z " + std::to_string(scale) + " " + quoted(svg) + " -o " + quoted(png);
        BOOST_TEST_REQUIRE(std::system(command.c_str()) == 0);
        const Surface reference = decode_png(read_file(png));
        const Surface ours = decode_png(to_png(scene, {.dpi = 96, .scale = scale}));
        BOOST_TEST_REQUIRE(reference != nullptr);
        BOOST_TEST_REQUIRE(ours != nullptr);
        BOOST_TEST_REQUIRE(width_of(ours) == width_of(reference));
        BOOST_TEST_REQUIRE(height_of(ours) == height_of(reference));
        const double difference = mean_channel_difference(ours, reference);
        BOOST_TEST_MESSAGE(name << ": " << width_of(ours) << " x " << height_of(ours)
                                << " px, mean channel difference " << difference << "/255");
        BOOST_TEST(difference <= kMaxMeanDifference);
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(png_parity)

BOOST_AUTO_TEST_CASE(reference_model_with_captions) {
    check_parity("reference-name-shape", scene_of(reference_model(), "name_shape"));
}

BOOST_AUTO_TEST_CASE(reference_model_at_twice_the_size) {
    check_parity("reference-scale-2", scene_of(reference_model(), "name"), 2);
}

BOOST_AUTO_TEST_CASE(corpus_cnn_without_captions) {
    check_parity("cnn-leakyrelu-pigment",
                 scene_of(corpus_model("keras/cnn_leakyrelu_pigment.json"), ""));
}

BOOST_AUTO_TEST_CASE(corpus_tfjs_cnn_with_captions) {
    check_parity("tfjs-doodle-cnn",
                 scene_of(corpus_model("keras/tfjs_doodle_cnn_no_inputlayer.json"), "name_shape"));
}

BOOST_AUTO_TEST_CASE(vgg16_with_captions) {
    Warnings warnings;
    const Model vgg16 =
        load_model(std::string(STRATA_SOURCE_DIR) + "/examples/vgg16.json", warnings);
    check_parity("vgg16-name-shape", scene_of(vgg16, "name_shape"));
}

BOOST_AUTO_TEST_SUITE_END()
