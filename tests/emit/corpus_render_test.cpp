// Every model of the corpus draws, with captions and a legend, into SVG that parses back with
// one layer group (a box, or a merge glyph) per drawn layer when nothing is collapsed.

#include <boost/test/unit_test.hpp>
#include <pugixml.hpp>

#include <filesystem>

#include "strata/render.hpp"

namespace fs = std::filesystem;

BOOST_AUTO_TEST_CASE(every_corpus_model_draws_to_valid_svg) {
    std::size_t models = 0;
    for (const char* folder : {"keras", "generated"}) {
        for (const auto& entry : fs::directory_iterator(fs::path(STRATA_CORPUS_DIR) / folder)) {
            const fs::path path = entry.path();
            if (path.extension() != ".json" || path.string().find(".shapes.") != std::string::npos)
                continue;
            if (path.filename().string().rfind("deep.", 0) == 0) continue;  // the scale models
            BOOST_TEST_CONTEXT(path.filename().string()) {
                strata::Warnings warnings;
                strata::Options options;
                options.text_callable = strata::TextCallable::name_shape;
                options.legend = true;
                options.collapse = strata::Collapse::none;
                const strata::Model model = strata::load_model(path.string(), warnings);
                const strata::Scene scene = strata::layout_layered(model, options, warnings);
                const std::string svg = strata::to_svg(scene);
                pugi::xml_document doc;
                BOOST_TEST_REQUIRE(doc.load_string(svg.c_str()));
                std::size_t drawn = 0;
                for (const strata::Layer& layer : model.layers) drawn += !layer.implicit;
                BOOST_TEST(
                    doc.select_nodes("//g[@data-role='layer' or @data-role='merge']").size() ==
                    drawn);
                BOOST_TEST(doc.select_nodes("//g[@data-role='caption']").size() == drawn);
                BOOST_TEST(!doc.select_nodes("//g[@data-role='legend']").empty());
                ++models;
            }
        }
    }
    BOOST_TEST(models >= 60u);
}
