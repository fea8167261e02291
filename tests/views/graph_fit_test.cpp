// The graph view at a width it cannot meet, and its Inkscape layers.

#include <boost/test/unit_test.hpp>

#include <string>

#include "strata/emit.hpp"
#include "views/graph_support.hpp"

using namespace strata;
using namespace strata::test;

namespace {

bool warns_about(const Warnings& warnings, const std::string& option) {
    for (const Warning& w : warnings) {
        if (w.where == option) return true;
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(graph_view_fit)

// 1 px or 0.1 cm cannot hold nodes one can see: the figure is still drawn, with a warning.
BOOST_AUTO_TEST_CASE(a_width_too_small_for_the_nodes_is_said) {
    const Model model = small_dense_model();
    for (const char* width : {"1px", "0.1cm"}) {
        Options o = graph_options();
        o.width = width;
        Warnings warnings;
        const Scene s = layout_layered(model, o, warnings);
        BOOST_TEST(warns_about(warnings, "width"), width);
        BOOST_TEST(s.width > 0);
    }
    for (const char* width : {"8.5cm", "2cm"}) {
        Options o = graph_options();
        o.width = width;
        Warnings warnings;
        layout_layered(model, o, warnings);
        BOOST_TEST(!warns_about(warnings, "width"), width);
    }
}

BOOST_AUTO_TEST_CASE(a_height_too_small_for_the_nodes_is_said) {
    const Model model = small_dense_model();
    Options short_page = graph_options();
    short_page.width = "8.5cm";
    short_page.height = "2px";
    Warnings warnings;
    layout_layered(model, short_page, warnings);
    BOOST_TEST(warns_about(warnings, "height"));
}

// The nodes' layer is named for them, the lines under them keep theirs.
BOOST_AUTO_TEST_CASE(its_inkscape_layers_are_nodes_and_connections) {
    const std::string svg = to_svg(graph_scene(small_dense_model(), graph_options()));
    BOOST_TEST(svg.find("inkscape:label=\"nodes\"") != std::string::npos);
    BOOST_TEST(svg.find("id=\"layer-nodes\"") != std::string::npos);
    BOOST_TEST(svg.find("inkscape:label=\"connections\"") != std::string::npos);
    BOOST_TEST(svg.find("boxes and funnels") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
