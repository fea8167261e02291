// The container all dotted names of a figure share ("features." of DenseNet's
// "features.denseblock1") is dropped from the captions of a figure fitted to a width, where it
// would take a line of its own under every box; without a width to fit, names stay whole.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "strata/layout.hpp"
#include "strata/render.hpp"

using namespace strata;

namespace {

Scene densenet_scene(const std::string& width) {
    Warnings warnings;
    const Model model =
        load_model(std::string(STRATA_CORPUS_DIR) + "/onnx/densenet121.onnx", warnings);
    Options options;
    options.width = width;
    options.text_callable = TextCallable::name;
    options.legend = true;
    return layout_layered(model, options, warnings);
}

std::vector<std::string> caption_lines(const Scene& scene) {
    std::vector<std::string> lines;
    for (const Group& g : scene.groups) {
        if (g.role != Role::caption) continue;
        for (const Primitive& p : g.items) {
            if (const auto* run = std::get_if<TextRun>(&p)) lines.push_back(run->text);
        }
    }
    return lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(caption_prefix)

BOOST_AUTO_TEST_CASE(densenet_in_a_column_drops_the_shared_container,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    const Scene scene = densenet_scene("241pt");
    const std::vector<std::string> lines = caption_lines(scene);
    BOOST_TEST(lines.size() >= 15u);
    for (const std::string& line : lines) BOOST_TEST(line.find("features") == std::string::npos);
    BOOST_TEST(std::count(lines.begin(), lines.end(), "denseblock1") == 1);
    BOOST_TEST(std::count(lines.begin(), lines.end(), "classifier") == 1);
    // 14.4 cm with the container on a line of its own under each box; 12.1 cm without it.
    BOOST_TEST(scene.height / 96 * 2.54 < 12.5);
}

BOOST_AUTO_TEST_CASE(without_a_width_names_stay_whole,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    Warnings warnings;
    const Model model =
        load_model(std::string(STRATA_CORPUS_DIR) + "/onnx/densenet121.onnx", warnings);
    Options options;
    options.text_callable = TextCallable::name;
    options.level = Level::stage;
    const std::vector<std::string> lines = caption_lines(layout_layered(model, options, warnings));
    BOOST_TEST(std::count(lines.begin(), lines.end(), "features.denseblock1") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
