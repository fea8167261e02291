// An option that takes effect only with another (or on 3-D boxes) is named in a warning, with
// what it needs, when the user gave it without that; never when it has its effect.

#include <boost/test/unit_test.hpp>

#include <string>

#include "strata/option_checks.hpp"
#include "strata/option_table.hpp"

using namespace strata;

namespace {

// The warnings as "key: message" lines.
std::string warned(const Options& options, const std::string& preset = "") {
    Warnings warnings;
    warn_options_needing_others(options, preset, warnings);
    std::string text;
    for (const Warning& w : warnings) text += w.where + ": " + w.message + "\n";
    return text;
}

Options in_view(const std::string& view) {
    Options options;
    set_option(options, "view", view, "--view");
    return options;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(options_needing_others)

BOOST_AUTO_TEST_CASE(collapse_rules_without_collapse_enabled_are_named) {
    Options o = in_view("functional");
    BOOST_TEST(warned(o).empty());
    CollapseRule rule;
    rule.selector = {"Dense"};
    o.collapse_rules.push_back(rule);
    BOOST_TEST(warned(o) ==
               "collapse_rules: the rules apply only with collapse_enabled: true: ignored\n");
    o.collapse_enabled = true;
    BOOST_TEST(warned(o).empty());
}

BOOST_AUTO_TEST_CASE(orientation_rotation_on_flat_boxes_is_named) {
    Options o = in_view("functional");
    set_option(o, "orientation_rotation", "30", "--orientation-rotation");
    BOOST_TEST(warned(o) ==
               "orientation_rotation: it turns 3-D boxes, which need draw_volume: "
               "true: ignored\n");
    o.draw_volume = true;  // 3-D boxes: turned
    BOOST_TEST(warned(o).empty());
    o.simple_text_visualization = true;  // flat again, whatever draw_volume says
    BOOST_TEST(has(warned(o),
                   "orientation_rotation: it turns 3-D boxes, and "
                   "simple_text_visualization draws flat ones: ignored"));
}

BOOST_AUTO_TEST_CASE(legend_position_without_a_legend_is_named) {
    Options o;
    set_option(o, "legend_position", "right", "--legend-position");
    BOOST_TEST(warned(o) ==
               "legend_position: it places the legend, which needs legend: true: ignored\n");
    o.legend = true;
    BOOST_TEST(warned(o).empty());
}

BOOST_AUTO_TEST_CASE(lenet_label_texts_with_their_labels_off_are_named) {
    Options o = in_view("lenet");
    o.top_label = false;
    o.bottom_label = false;
    BOOST_TEST(warned(o).empty());  // the label options at their defaults: nothing given
    set_option(o, "top_label_callable", "name", "--top-label-callable");
    set_option(o, "bottom_label_callable", "shape", "--bottom-label-callable");
    BOOST_TEST(warned(o) ==
               "top_label_callable: top_label: false draws no top labels: ignored\n"
               "bottom_label_callable: bottom_label: false draws no bottom labels: "
               "ignored\n");
    o.top_label = true;
    o.bottom_label = true;
    BOOST_TEST(warned(o).empty());
    o.top_label = false;
    o.top_labels["conv"] = "first";
    BOOST_TEST(has(warned(o), "top_labels: top_label: false draws no top labels: ignored"));
}

BOOST_AUTO_TEST_CASE(lenet_labels_for_a_layer_the_model_lacks_name_it) {
    Model model;
    Layer conv;
    conv.name = "conv";
    conv.type = "Conv2D";
    model.layers.push_back(conv);
    Options o = in_view("lenet");
    o.top_labels["conv"] = "first";
    o.top_labels["cnov"] = "typo";
    o.bottom_labels["dense"] = "last";
    Warnings warnings;
    warn_unused_option_names(model, o, warnings);
    BOOST_TEST_REQUIRE(warnings.size() == 2u);
    BOOST_TEST(warnings[0].where == "top_labels");
    BOOST_TEST(warnings[0].message == "no layer of the model is named 'cnov'");
    BOOST_TEST(warnings[1].where == "bottom_labels");
    BOOST_TEST(warnings[1].message == "no layer of the model is named 'dense'");
}

BOOST_AUTO_TEST_SUITE_END()
