// Every corpus model is drawn as lenet in every output without error.

#include <boost/test/unit_test.hpp>

#include "layout/corpus_models.hpp"
#include "raster/raster_support.hpp"
#include "views/lenet_support.hpp"

using namespace strata;
using namespace strata::test;

BOOST_AUTO_TEST_SUITE(lenet_corpus)

BOOST_AUTO_TEST_CASE(every_corpus_model_renders_in_every_format) {
    const std::vector<std::string> models = corpus_models(STRATA_WITH_ONNX);
    BOOST_TEST_REQUIRE(models.size() >= 40u);
    for (const std::string& file : models) {
        BOOST_TEST_CONTEXT(file) {
            const Model model = lenet_model(file);
            Options options = lenet_options();
            const Scene scene = lenet_scene(model, options);
            BOOST_TEST(!groups_of(scene, Role::layer).empty());
            BOOST_TEST(scene.width > 0);
            BOOST_TEST(scene.height > 0);
            BOOST_TEST(to_svg(scene).find("<svg") != std::string::npos);
            Warnings warnings;
            const RasterOptions raster = fit_raster(scene, RasterOptions{}, warnings);
            BOOST_TEST(decode_png(to_png(scene, raster)) != nullptr);
            BOOST_TEST(to_pdf(scene, warnings).rfind("%PDF-", 0) == 0u);
            BOOST_TEST(to_scene_json(scene).find("\"groups\"") != std::string::npos);
            // Fitted to a column, as LaTeX lays it out.
            options.width = "8.5cm";
            const FittedScene fitted = layout_for_latex(model, options, warnings);
            BOOST_TEST(fitted.scene.width * fitted.scale <= 8.5 / 2.54 * 96 + 0.5);
            TikzOptions tikz;
            tikz.scale = fitted.scale;
            const std::string tex = to_tikz(fitted.scene, tikz, warnings);
            BOOST_TEST(tex.find("\\stM ") != std::string::npos);  // a path was drawn
            BOOST_TEST(tex.find("\\endgroup") != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
