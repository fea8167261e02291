#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "layout/corpus_models.hpp"
#include "raster/raster_support.hpp"
#include "strata/emit.hpp"
#include "strata/import.hpp"
#include "strata/layout.hpp"
#include "strata/option_table.hpp"

using namespace strata;
using namespace strata::test;

BOOST_AUTO_TEST_SUITE(functional_formats)

// Every corpus model is drawn in the functional view and written as SVG, PNG, PDF, TikZ (pgf) and
// scene JSON at 17 cm: each output is produced and is of its format, the figure is no wider.
BOOST_AUTO_TEST_CASE(every_corpus_model_renders_in_every_format) {
    const std::vector<fs::path> models = every_corpus_model_file();
    BOOST_TEST_REQUIRE(models.size() >= 60u);
    Options options;
    apply_view(options, View::functional);
    options.width = "17cm";  // TeX measures no picture wider than 16000 bp
    for (const fs::path& path : models) {
        BOOST_TEST_CONTEXT(path.filename().string()) {
            Warnings warnings;
            const Model model = load_model(path.string(), warnings);
            const Scene scene = layout_layered(model, options, warnings);
            const auto layers = std::count_if(scene.groups.begin(), scene.groups.end(),
                                              [](const Group& g) { return g.role == Role::layer; });
            BOOST_TEST(layers > 0);
            BOOST_TEST(scene.width <= 643);
            BOOST_TEST(to_svg(scene).find("<svg") != std::string::npos);
            // A long chain is wider than a PNG may be at 96 dpi: at the resolution that fits.
            const std::string png = to_png(scene, fit_raster(scene, {}, warnings), warnings);
            BOOST_TEST(png.substr(1, 3) == "PNG");
            BOOST_TEST(decode_png(png) != nullptr);
            BOOST_TEST(to_pdf(scene, warnings).substr(0, 5) == "%PDF-");
            BOOST_TEST(to_tikz(scene, {}, warnings).find("\\begin{pgfpicture}") !=
                       std::string::npos);
            BOOST_TEST(to_scene_json(scene).find("\"groups\"") != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
