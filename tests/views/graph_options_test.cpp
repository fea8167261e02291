#include <boost/test/unit_test.hpp>

#include "views/graph_support.hpp"

using namespace strata;
using namespace strata::test;

BOOST_AUTO_TEST_SUITE(graph_view_options)

// input box, 10 dense nodes (8 circles, dots, a circle), 3 head circles, the output box.
BOOST_AUTO_TEST_CASE(defaults_draw_visualkeras_stacks) {
    const Scene s = graph_scene(small_dense_model(), graph_options());
    BOOST_TEST(shapes_named(*group_labelled(s, "input"), "node") == 1u);
    BOOST_TEST(shapes_named(*group_labelled(s, "dense"), "neuron") == 9u);
    BOOST_TEST(shapes_named(*group_labelled(s, "dense"), "ellipsis") == 3u);
    BOOST_TEST(shapes_named(*group_labelled(s, "head"), "neuron") == 3u);
    BOOST_TEST(shapes_named(*group_labelled(s, "head output"), "node") == 1u);
    // 1×9 + 9×3 + 3×1 lines; the dots are joined to nothing.
    BOOST_TEST(lines_in(s) == 39u);
    // Four columns: padding, then node size + layer spacing each; the canvas as tall as the
    // dense stack (10 nodes, 9 gaps) with padding above and below.
    BOOST_TEST(s.width == 10 + 4 * 50 + 3 * 250 + 10);
    BOOST_TEST(s.height == 10 * 50 + 9 * 10 + 20);
}

BOOST_AUTO_TEST_CASE(node_size_sizes_the_nodes) {
    Options o = graph_options();
    o.node_size = 30;
    const Bounds b =
        first_shape_bounds(*group_labelled(graph_scene(small_dense_model(), o), "head"));
    BOOST_TEST(b.x2 - b.x1 == 30, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(layer_spacing_separates_columns) {
    Options o = graph_options();
    o.layer_spacing = 100;
    BOOST_TEST(graph_scene(small_dense_model(), o).width == 10 + 4 * 50 + 3 * 100 + 10);
}

BOOST_AUTO_TEST_CASE(node_spacing_separates_nodes) {
    Options o = graph_options();
    o.node_spacing = 4;
    BOOST_TEST(graph_scene(small_dense_model(), o).height == 10 * 50 + 9 * 4 + 20);
}

BOOST_AUTO_TEST_CASE(ellipsize_after_bounds_a_stack) {
    Options o = graph_options();
    o.ellipsize_after = 5;
    const Scene s = graph_scene(small_dense_model(), o);
    BOOST_TEST(shapes_named(*group_labelled(s, "dense"), "neuron") == 4u);
    BOOST_TEST(shapes_named(*group_labelled(s, "dense"), "ellipsis") == 3u);
}

BOOST_AUTO_TEST_CASE(a_stack_that_fits_has_no_dots_unless_compat) {
    Options o = graph_options();
    const Model ten = small_dense_model(10);
    BOOST_TEST(shapes_named(*group_labelled(graph_scene(ten, o), "dense"), "ellipsis") == 0u);
    o.compat_visualkeras = true;  // visualkeras draws the dots over the ninth neuron
    BOOST_TEST(shapes_named(*group_labelled(graph_scene(ten, o), "dense"), "ellipsis") == 3u);
}

BOOST_AUTO_TEST_CASE(no_ellipsize_after_is_still_bounded) {
    Options o = graph_options();
    o.ellipsize_after = 0;
    Warnings warnings;
    const Scene s = layout_layered(small_dense_model(4096), o, warnings);
    BOOST_TEST(shapes_named(*group_labelled(s, "dense"), "neuron") == 63u);
    BOOST_TEST(lines_in(s) == 63u + 63u * 3 + 3);
    BOOST_TEST(!warnings.empty());
}

BOOST_AUTO_TEST_CASE(inout_as_tensor_off_gives_inputs_neurons) {
    Options o = graph_options();
    o.inout_as_tensor = false;
    const Scene s = graph_scene(small_dense_model(), o);
    BOOST_TEST(shapes_named(*group_labelled(s, "input"), "neuron") == 8u);
    // The output's layer ends the last column: no output node.
    BOOST_TEST(group_labelled(s, "head output") == nullptr);
}

BOOST_AUTO_TEST_CASE(show_neurons_off_draws_boxes) {
    Options o = graph_options();
    o.show_neurons = false;
    const Scene s = graph_scene(small_dense_model(), o);
    BOOST_TEST(shapes_named(*group_labelled(s, "dense"), "node") == 1u);
    BOOST_TEST(shapes_named(*group_labelled(s, "dense"), "neuron") == 0u);
}

BOOST_AUTO_TEST_CASE(padding_widens_the_canvas) {
    Options o = graph_options();
    o.padding = 30;
    BOOST_TEST(graph_scene(small_dense_model(), o).width == 30 + 4 * 50 + 3 * 250 + 30);
}

BOOST_AUTO_TEST_CASE(background_fill_is_the_canvas_colour) {
    Options o = graph_options();
    o.background_fill = Rgba{1, 2, 3, 255};
    BOOST_TEST((graph_scene(small_dense_model(), o).background == Rgba{1, 2, 3, 255}));
}

BOOST_AUTO_TEST_CASE(connector_fill_and_width_style_the_lines) {
    Options o = graph_options();
    o.connector_fill = Rgba{0, 0, 255, 255};
    o.connector_width = 3;
    const Scene s = graph_scene(small_dense_model(), o);
    const Group* lines = group_labelled(s, "from dense to head");
    BOOST_TEST_REQUIRE(lines != nullptr);
    const auto& line = std::get<Polyline>(lines->items.front());
    BOOST_TEST((line.stroke == Rgba{0, 0, 255, 255}));
    BOOST_TEST(line.stroke_width == 3);
}

BOOST_AUTO_TEST_CASE(color_map_and_styles_colour_the_nodes) {
    Options o = graph_options();
    BOOST_TEST((*group_labelled(graph_scene(small_dense_model(), o), "head")->fill ==
                Rgba{255, 165, 0, 255}));
    o.color_map["Dense"] = LayerColors{Rgba{0, 128, 0, 255}, Rgba{9, 9, 9, 255}};
    o.styles["head"].fill = Rgba{200, 0, 0, 255};
    const Scene s = graph_scene(small_dense_model(), o);
    BOOST_TEST((*group_labelled(s, "dense")->fill == Rgba{0, 128, 0, 255}));
    BOOST_TEST((*group_labelled(s, "dense")->outline == Rgba{9, 9, 9, 255}));
    BOOST_TEST((*group_labelled(s, "head")->fill == Rgba{200, 0, 0, 255}));
}

BOOST_AUTO_TEST_CASE(width_scales_the_figure_to_it) {
    Options o = graph_options();
    o.width = "8.5cm";
    const Scene s = graph_scene(small_dense_model(), o);
    BOOST_TEST(s.width == 8.5 / 2.54 * 96, boost::test_tools::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(view_graph_brings_its_defaults_and_layered_takes_them_back) {
    Options o;
    apply_view(o, View::graph);
    BOOST_TEST(o.layer_spacing == 250);
    BOOST_TEST((o.level == Level::layer));
    apply_view(o, View::layered);
    BOOST_TEST((o.level == Options{}.level));
    BOOST_TEST((o.collapse == Options{}.collapse));
}

BOOST_AUTO_TEST_CASE(a_preset_with_view_graph_is_the_graph_preset) {
    Options o = graph_options();
    apply_preset(o, "presentation");
    BOOST_TEST(o.node_size == 60);
    BOOST_TEST(o.layer_spacing == 300);
    BOOST_TEST(o.connector_width == 2);
    apply_preset(o, "compact");
    BOOST_TEST(o.node_size == 40);
    BOOST_TEST(o.layer_spacing == 180);
}

BOOST_AUTO_TEST_CASE(a_skip_connection_goes_one_column_past_its_layers) {
    // input → dense → b, and input + b → add: add comes a column after b.
    Model m = small_dense_model();
    m.layers.resize(2);
    m.layers.push_back(Layer{"b",
                             "Dense",
                             {{1, 0}},
                             {{-1, 16}},
                             true,
                             {},
                             {{"units", std::int64_t{16}}},
                             {},
                             false,
                             ""});
    m.layers.push_back(
        Layer{"add", "Add", {{0, 0}, {2, 0}}, {{-1, 16}}, true, {}, {}, {}, false, ""});
    m.outputs = {{3, 0}};
    const Scene s = graph_scene(m, graph_options());
    const Bounds add = first_shape_bounds(*group_labelled(s, "add"));
    const Bounds b = first_shape_bounds(*group_labelled(s, "b"));
    BOOST_TEST(add.x1 - b.x1 == 300, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(group_labelled(s, "from input to add") != nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
