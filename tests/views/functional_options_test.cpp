#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "strata/emit.hpp"
#include "strata/error.hpp"
#include "strata/import.hpp"
#include "strata/layout.hpp"
#include "strata/option_table.hpp"
#include "views/functional_support.hpp"

using namespace strata;
using strata::test::branching;
using strata::test::functional_defaults;

namespace {

Scene draw(const Options& o) {
    Warnings w;
    return layout_layered(branching(), o, w);
}

const Group& group(const Scene& s, const std::string& id) {
    for (const Group& g : s.groups)
        if (g.id == id) return g;
    BOOST_FAIL("no group " + id);
    return s.groups.front();
}

std::size_t count_role(const Scene& s, Role role) {
    return static_cast<std::size_t>(std::count_if(s.groups.begin(), s.groups.end(),
                                                  [&](const Group& g) { return g.role == role; }));
}

std::size_t count_items(const Scene& s, const std::string& name) {
    std::size_t n = 0;
    for (const Group& g : s.groups)
        for (const Primitive& p : g.items) {
            if (const auto* poly = std::get_if<Polygon>(&p); poly && poly->name == name) ++n;
            if (const auto* line = std::get_if<Polyline>(&p); line && line->name == name) ++n;
        }
    return n;
}

double box_x(const Scene& s, const std::string& id) {
    return group(s, id).box->x1;
}
double box_y(const Scene& s, const std::string& id) {
    return group(s, id).box->y1;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(functional_options)

// The view's defaults are visualkeras' functional_view ones where they differ from the
// layered view's, and choosing the layered view again restores the layered ones.
BOOST_AUTO_TEST_CASE(view_brings_its_defaults_and_leaves_none_behind) {
    Options o = functional_defaults();
    BOOST_TEST(o.padding == 20);
    BOOST_TEST(o.connector_width == 2);
    BOOST_TEST((o.sizing_mode == SizingMode::balanced));
    BOOST_TEST(!o.draw_volume);
    BOOST_TEST((o.level == Level::automatic));
    apply_view(o, View::layered);
    const Options layered;
    BOOST_TEST(o.padding == layered.padding);
    BOOST_TEST(o.connector_width == layered.connector_width);
    BOOST_TEST((o.sizing_mode == layered.sizing_mode));
    BOOST_TEST(o.draw_volume == layered.draw_volume);
    BOOST_TEST((o.level == layered.level));
}

// One box per layer, the input in the first column, the two branches side by side in one
// column, the merge after the longer branch.
BOOST_AUTO_TEST_CASE(layers_are_placed_in_the_columns_of_their_ranks) {
    const Scene s = draw(functional_defaults());
    BOOST_TEST(count_role(s, Role::layer) == 7u);
    BOOST_TEST(box_x(s, "in") == 20);  // the padding
    BOOST_TEST(box_x(s, "a1") > box_x(s, "in"));
    BOOST_TEST(std::abs(box_x(s, "a1") - box_x(s, "b1")) < 1e-9);
    BOOST_TEST(std::abs(box_y(s, "a1") - box_y(s, "b1")) > 1);
    BOOST_TEST(box_x(s, "sum") > box_x(s, "a2"));
    // The merge's inputs: two connectors end at it (the short branch through a waypoint).
    BOOST_TEST(count_role(s, Role::connector) == 7u);
}

BOOST_AUTO_TEST_CASE(column_spacing_widens_the_gaps_between_columns) {
    Options o = functional_defaults();
    const Scene base = draw(o);
    o.column_spacing = 200;
    const Scene wide = draw(o);
    BOOST_TEST(box_x(wide, "a1") - box_x(base, "a1") == 120);
}

BOOST_AUTO_TEST_CASE(row_spacing_widens_the_gap_between_boxes_of_a_column) {
    Options o = functional_defaults();
    const Scene base = draw(o);
    o.row_spacing = 140;
    const Scene tall = draw(o);
    BOOST_TEST(std::abs(box_y(tall, "a1") - box_y(tall, "b1")) >
               std::abs(box_y(base, "a1") - box_y(base, "b1")) + 90);
}

BOOST_AUTO_TEST_CASE(component_spacing_separates_unconnected_parts) {
    // Two unconnected inputs with a layer each.
    const char* two = R"({"class_name": "Functional", "config": {"name": "two", "layers": [
      {"class_name": "InputLayer", "name": "x", "config": {"batch_input_shape": [null, 8],
       "name": "x"}, "inbound_nodes": []},
      {"class_name": "Dense", "name": "dx", "config": {"name": "dx", "units": 4},
       "inbound_nodes": [[["x", 0, 0, {}]]]},
      {"class_name": "InputLayer", "name": "y", "config": {"batch_input_shape": [null, 8],
       "name": "y"}, "inbound_nodes": []},
      {"class_name": "Dense", "name": "dy", "config": {"name": "dy", "units": 4},
       "inbound_nodes": [[["y", 0, 0, {}]]]}],
      "input_layers": [["x", 0, 0], ["y", 0, 0]],
      "output_layers": [["dx", 0, 0], ["dy", 0, 0]]}})";
    Warnings w;
    const Model m = parse_model(two, "two.json", w);
    Options o = functional_defaults();
    const Scene base = layout_layered(m, o, w);
    o.component_spacing = 300;
    const Scene apart = layout_layered(m, o, w);
    BOOST_TEST(box_y(apart, "y") - box_y(apart, "x") == box_y(base, "y") - box_y(base, "x") + 220);
}

BOOST_AUTO_TEST_CASE(connector_arrow_adds_an_arrowhead_to_each_connector) {
    Options o = functional_defaults();
    BOOST_TEST(count_items(draw(o), "arrowhead") == 0u);
    o.connector_arrow = true;
    BOOST_TEST(count_items(draw(o), "arrowhead") == count_items(draw(o), "connector"));
}

BOOST_AUTO_TEST_CASE(connector_padding_moves_connector_ends_away_from_the_boxes) {
    Options o = functional_defaults();
    o.connector_padding = 0;
    const Scene touching = draw(o);
    const Polyline& line = std::get<Polyline>(group(touching, "in-to-a1").items.front());
    BOOST_TEST(line.points.back().x == box_x(touching, "a1"));
    o.connector_padding = 12;
    const Scene apart = draw(o);
    const Polyline& gap = std::get<Polyline>(group(apart, "in-to-a1").items.front());
    BOOST_TEST(gap.points.back().x == box_x(apart, "a1") - 12);
}

BOOST_AUTO_TEST_CASE(add_output_nodes_adds_a_marker_after_each_output) {
    Options o = functional_defaults();
    BOOST_TEST(count_role(draw(o), Role::annotation) == 0u);
    o.add_output_nodes = true;
    const Scene s = draw(o);
    BOOST_TEST(count_role(s, Role::annotation) == 1u);
    BOOST_TEST(box_x(s, "output_0") > box_x(s, "out"));
    BOOST_TEST(group(s, "output_0").box->x2 - group(s, "output_0").box->x1 == 24);
}

BOOST_AUTO_TEST_CASE(layout_iterations_order_each_column_by_its_inputs) {
    // Two inputs with two layers each, listed second input's first: in the model's order the
    // connectors cross; the sweeps order the columns so that they do not.
    const char* cross = R"({"class_name": "Functional", "config": {"name": "cross", "layers": [
      {"class_name": "InputLayer", "name": "i1", "config": {"batch_input_shape": [null, 8],
       "name": "i1"}, "inbound_nodes": []},
      {"class_name": "InputLayer", "name": "i2", "config": {"batch_input_shape": [null, 8],
       "name": "i2"}, "inbound_nodes": []},
      {"class_name": "Dense", "name": "d2", "config": {"name": "d2", "units": 4},
       "inbound_nodes": [[["i2", 0, 0, {}]]]},
      {"class_name": "Dense", "name": "e2", "config": {"name": "e2", "units": 4},
       "inbound_nodes": [[["i2", 0, 0, {}]]]},
      {"class_name": "Dense", "name": "d1", "config": {"name": "d1", "units": 4},
       "inbound_nodes": [[["i1", 0, 0, {}]]]},
      {"class_name": "Dense", "name": "e1", "config": {"name": "e1", "units": 4},
       "inbound_nodes": [[["i1", 0, 0, {}]]]},
      {"class_name": "Concatenate", "name": "cat", "config": {"name": "cat"},
       "inbound_nodes": [[["d1", 0, 0, {}], ["e1", 0, 0, {}], ["d2", 0, 0, {}],
                          ["e2", 0, 0, {}]]]}],
      "input_layers": [["i1", 0, 0], ["i2", 0, 0]], "output_layers": [["cat", 0, 0]]}})";
    Warnings w;
    const Model m = parse_model(cross, "cross.json", w);
    Options o = functional_defaults();
    o.layout_iterations = 0;
    const Scene unordered = layout_layered(m, o, w);
    const auto crossing = [](const Scene& s) {
        return (box_y(s, "d1") < box_y(s, "d2")) != (box_y(s, "i1") < box_y(s, "i2"));
    };
    BOOST_TEST(crossing(unordered));
    o.layout_iterations = 4;
    BOOST_TEST(!crossing(layout_layered(m, o, w)));
}

BOOST_AUTO_TEST_CASE(render_virtual_nodes_draws_the_waypoints_at_their_size) {
    Options o = functional_defaults();
    const std::size_t hidden = count_role(draw(o), Role::connector);
    o.render_virtual_nodes = true;
    o.virtual_node_size = 17;
    const Scene s = draw(o);
    const Group& waypoint = group(s, "b1-waypoint");
    BOOST_TEST(waypoint.box->x2 - waypoint.box->x1 == 17);
    BOOST_TEST(count_role(s, Role::connector) > hidden);
}

BOOST_AUTO_TEST_CASE(virtual_node_size_can_widen_the_column_a_waypoint_is_in) {
    // b1's connector to the merge passes a waypoint in a2's column (20 px wide).
    Options o = functional_defaults();
    const Scene base = draw(o);
    o.virtual_node_size = 400;
    const Scene big = draw(o);
    BOOST_TEST(box_x(big, "sum") - box_x(base, "sum") == 380);
}

// Outside compat mode no box is taller than max_z (visualkeras draws a 32-pixel image 20 px
// wide and 128 px tall, a 224-pixel one 537 px tall).
BOOST_AUTO_TEST_CASE(boxes_are_no_taller_than_max_z_outside_compat_mode) {
    Options o = functional_defaults();
    o.max_z = 60;
    const Scene s = draw(o);
    BOOST_TEST(group(s, "in").box->y2 - group(s, "in").box->y1 == 60);
    o.compat_visualkeras = true;
    const Scene compat = draw(o);
    BOOST_TEST(group(compat, "in").box->y2 - group(compat, "in").box->y1 == 128);
}

// Captions: text_callable, caption and captions give text runs beside the boxes, inside the
// canvas outside compat mode.
BOOST_AUTO_TEST_CASE(captions_are_set_under_the_boxes_and_inside_the_canvas) {
    Options o = functional_defaults();
    BOOST_TEST(count_role(draw(o), Role::caption) == 0u);
    o.text_callable = TextCallable::name_shape;
    const Scene s = draw(o);
    BOOST_TEST(count_role(s, Role::caption) == 7u);
    const TextRun& run = std::get<TextRun>(group(s, "out-caption").items.front());
    BOOST_TEST(run.text == "out");
    BOOST_TEST(run.y > group(s, "out").box->y2);
    for (const Group& g : s.groups)
        for (const Primitive& p : g.items)
            if (const auto* t = std::get_if<TextRun>(&p)) {
                BOOST_TEST(t->x >= 0);
                BOOST_TEST(t->x + t->advance <= s.width);
                BOOST_TEST(t->y + t->descent <= s.height);
            }
}

BOOST_AUTO_TEST_CASE(draw_volume_gives_boxes_depth) {
    Options o = functional_defaults();
    BOOST_TEST(group(draw(o), "a1").box->de == 0);
    o.draw_volume = true;
    BOOST_TEST(group(draw(o), "a1").box->de > 0);
}

BOOST_AUTO_TEST_CASE(connector_fill_and_width_are_the_connectors_stroke) {
    Options o = functional_defaults();
    o.connector_fill = Rgba{200, 10, 10, 255};
    o.connector_width = 5;
    const Scene scene = draw(o);
    const Polyline& line = std::get<Polyline>(group(scene, "in-to-a1").items.front());
    BOOST_TEST((line.stroke == Rgba{200, 10, 10, 255}));
    BOOST_TEST(line.stroke_width == 5);
}

BOOST_AUTO_TEST_CASE(padding_is_the_margin_on_every_side) {
    Options o = functional_defaults();
    o.padding = 50;
    const Scene s = draw(o);
    double left = 1e9, top = 1e9, right = 0, bottom = 0;
    for (const Group& g : s.groups)
        if (g.box) {
            left = std::min(left, g.box->x1);
            top = std::min(top, g.box->y1 - g.box->de);
            right = std::max(right, g.box->x2 + g.box->de);
            bottom = std::max(bottom, g.box->y2);
        }
    BOOST_TEST(left == 50);
    BOOST_TEST(top == 50);
    BOOST_TEST(s.width - right == 50);
    BOOST_TEST(s.height - bottom == 50);
}

// Fitted to a width, the figure is that wide with its text at its own size.
BOOST_AUTO_TEST_CASE(a_width_shrinks_the_boxes_and_keeps_the_text_size) {
    Options o = functional_defaults();
    o.text_callable = TextCallable::name;
    o.level = Level::layer;
    const Scene natural = draw(o);
    o.width = "300px";
    const Scene fitted = draw(o);
    BOOST_TEST_REQUIRE(natural.width > 300);
    BOOST_TEST(std::abs(fitted.width - 300) <= 0.5);
    BOOST_TEST(std::get<TextRun>(group(fitted, "out-caption").items.front()).font_size == 10);
    BOOST_TEST(group(fitted, "a1").box->x2 - group(fitted, "a1").box->x1 <
               group(natural, "a1").box->x2 - group(natural, "a1").box->x1);
}

// Reveal steps: one per layer; a connector comes with the box it reaches, a caption with its box.
BOOST_AUTO_TEST_CASE(reveal_steps_bring_connectors_and_captions_with_their_layers) {
    Options o = functional_defaults();
    o.text_callable = TextCallable::name;
    const std::vector<Scene> frames = reveal_frames(draw(o));
    BOOST_TEST_REQUIRE(frames.size() == 7u);
    const auto has = [](const Scene& s, const std::string& id) {
        return std::any_of(s.groups.begin(), s.groups.end(),
                           [&](const Group& g) { return g.id == id; });
    };
    BOOST_TEST(!has(frames[0], "in-to-a1"));
    BOOST_TEST(has(frames[0], "in-caption"));
    BOOST_TEST(has(frames[1], "in-to-a1"));
    BOOST_TEST(has(frames[1], "a1-caption"));
}

// A model whose input feeds every layer of a long chain would need a waypoint per skipped
// column per connector (quadratic): refused with a clear error instead.
BOOST_AUTO_TEST_CASE(too_many_waypoints_are_refused) {
    std::string layers = R"({"class_name": "InputLayer", "name": "x", "config": {
      "batch_input_shape": [null, 4], "name": "x"}, "inbound_nodes": []})";
    std::string previous = "x";
    for (int i = 0; i < 700; ++i) {
        const std::string name = "c" + std::to_string(i);
        layers += R"(, {"class_name": "Concatenate", "name": ")" + name +
                  R"(", "config": {"name": ")" + name + R"("}, "inbound_nodes": [[[")" + previous +
                  R"(", 0, 0, {}], ["x", 0, 0, {}]]]})";
        previous = name;
    }
    const std::string json = R"({"class_name": "Functional", "config": {"name": "wide",
      "layers": [)" + layers +
                             R"(], "input_layers": [["x", 0, 0]],
      "output_layers": [[")" +
                             previous + R"(", 0, 0]]}})";
    Warnings w;
    const Model m = parse_model(json, "wide.json", w);
    BOOST_CHECK_EXCEPTION(layout_layered(m, functional_defaults(), w), Error, [](const Error& e) {
        return std::string(e.what()).find("waypoints") != std::string::npos;
    });
}

// The view's presets are found by the common preset names.
BOOST_AUTO_TEST_CASE(presets_of_the_view_are_its_own) {
    Options o = functional_defaults();
    apply_preset(o, "compact");
    BOOST_TEST(o.column_spacing == 60);
    BOOST_TEST(o.row_spacing == 30);
    BOOST_TEST(o.component_spacing == 60);
    BOOST_TEST(o.connector_width == 1);
    Options p = functional_defaults();
    apply_preset(p, "presentation");
    BOOST_TEST(p.column_spacing == 120);
    BOOST_TEST(p.row_spacing == 50);
    BOOST_TEST(p.component_spacing == 100);
    BOOST_TEST((p.text_callable == TextCallable::name_shape));
}

BOOST_AUTO_TEST_SUITE_END()
