#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "layout/corpus_models.hpp"
#include "strata/render.hpp"
#include "views/graph_support.hpp"

using namespace strata;
using namespace strata::test;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(graph_view_formats)

// Each corpus model in the graph view becomes SVG, PNG, PDF, TikZ and scene JSON, each
// holding the drawing (a layer group per layer at least), and no stack passes its bound.
BOOST_AUTO_TEST_CASE(every_corpus_model_renders_in_every_format) {
    const std::vector<fs::path> models = every_corpus_model_file();
    BOOST_TEST_REQUIRE(models.size() >= 80u);
    for (const fs::path& path : models) {
        BOOST_TEST_CONTEXT(path.filename().string()) {
            Warnings warnings;
            const Model model = load_model(path.string(), warnings);
            const Scene scene = layout_layered(model, graph_options(), warnings);
            std::size_t layers = 0, most_nodes = 0;
            for (const Group& g : scene.groups) {
                if (g.role != Role::layer) continue;
                ++layers;
                most_nodes = std::max(most_nodes, g.items.size());
            }
            BOOST_TEST(layers >= model.layers.size());
            BOOST_TEST(most_nodes <= 12u);  // 9 circles and 3 dots at ellipsize_after 10
            const std::string svg = to_svg(scene);
            BOOST_TEST(svg.find("<svg") != std::string::npos);
            const RasterOptions raster = fit_raster(scene, {}, warnings);
            BOOST_TEST(to_png(scene, raster, warnings).substr(1, 3) == "PNG");
            BOOST_TEST(to_pdf(scene, warnings).substr(0, 5) == "%PDF-");
            // A TeX picture has at most kMaxTexSideBp a side: fitted to a page's text width,
            // as the strata package does.
            Options for_tex = graph_options();
            for_tex.width = "17cm";
            const FittedScene fitted = layout_for_latex(model, for_tex, warnings);
            TikzOptions tikz;
            tikz.standalone = true;
            tikz.scale = fitted.scale;
            BOOST_TEST(to_tikz(fitted.scene, tikz, warnings).find("\\begin{pgfpicture}") !=
                       std::string::npos);
            BOOST_TEST(to_scene_json(scene).find("\"groups\"") != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
