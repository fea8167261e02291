// An option the chosen view does not draw is named in a warning when the user gave it, never
// when the view's defaults or a preset set it.

#include <boost/test/unit_test.hpp>

#include <string>

#include "strata/option_checks.hpp"
#include "strata/option_table.hpp"

using namespace strata;

namespace {

std::string warned(const Options& options, const std::string& preset = "") {
    Warnings warnings;
    warn_options_unused_by_view(options, preset, warnings);
    std::string keys;
    for (const Warning& w : warnings) keys += (keys.empty() ? "" : ",") + w.where;
    return keys;
}

Options in_view(const std::string& view) {
    Options options;
    set_option(options, "view", view, "--view");
    return options;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(options_unused_by_view)

BOOST_AUTO_TEST_CASE(an_option_given_to_a_view_that_does_not_draw_it_is_named) {
    Options lenet = in_view("lenet");
    BOOST_TEST(warned(lenet).empty());
    lenet.legend = true;
    lenet.max_visual_channels = 4;  // its own: drawn
    BOOST_TEST(warned(lenet) == "legend");

    Options graph = in_view("graph");
    set_option(graph, "text_callable", "name", "--text-callable");
    set_option(graph, "node_size", "20", "--node-size");
    BOOST_TEST(warned(graph) == "text_callable");

    Options layered;
    set_option(layered, "map_spacing", "9", "--map-spacing");
    set_option(layered, "column_spacing", "50", "--column-spacing");
    BOOST_TEST(warned(layered) == "column_spacing,map_spacing");

    Options functional = in_view("functional");
    functional.stages = true;
    set_option(functional, "text_callable", "name", "--text-callable");  // drawn: captions
    BOOST_TEST(warned(functional) == "stages");
}

BOOST_AUTO_TEST_CASE(a_preset_for_every_view_is_not_blamed) {
    Options lenet = in_view("lenet");
    apply_preset(lenet, "paper");  // a legend and captions, for the layered view
    BOOST_TEST(lenet.legend);
    BOOST_TEST(warned(lenet, "paper").empty());
    BOOST_TEST(warned(lenet) != "");
}

BOOST_AUTO_TEST_SUITE_END()
