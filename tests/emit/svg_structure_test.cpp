#include <limits>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "emit/scene_builders.hpp"
#include "strata/error.hpp"
#include "strata/render.hpp"

using namespace strata;
using namespace strata::test;

namespace {

std::string attr(const pugi::xml_node& node, const char* name) {
    return node.attribute(name).value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(svg_structure)

BOOST_AUTO_TEST_CASE(root_has_size_view_box_namespaces_and_title) {
    const auto doc = parse_svg(to_svg(two_layer_scene()));
    const pugi::xml_node svg = doc.child("svg");
    BOOST_TEST(attr(svg, "xmlns") == "http://www.w3.org/2000/svg");
    BOOST_TEST(attr(svg, "xmlns:inkscape") == "http://www.inkscape.org/namespaces/inkscape");
    BOOST_TEST(attr(svg, "width") == "140");
    BOOST_TEST(attr(svg, "height") == "130");
    BOOST_TEST(attr(svg, "viewBox") == "0 0 140 130");
    BOOST_TEST(std::string(svg.child("title").child_value()) == "strata diagram");
}

BOOST_AUTO_TEST_CASE(background_rect_only_when_visible) {
    Scene scene = two_layer_scene();
    const auto opaque = parse_svg(to_svg(scene));
    const pugi::xml_node rect = element_by_id(opaque, "background");
    BOOST_TEST(std::string(rect.name()) == "rect");
    BOOST_TEST(attr(rect, "fill") == "#ffffff");
    BOOST_TEST(attr(rect, "width") == "140");

    scene.background = Rgba{10, 20, 30, 128};
    const auto translucent = parse_svg(to_svg(scene));
    BOOST_TEST(attr(element_by_id(translucent, "background"), "fill") == "#0a141e");
    BOOST_TEST(attr(element_by_id(translucent, "background"), "fill-opacity") == "0.502");

    scene.background = Rgba{255, 255, 255, 0};
    const auto transparent = parse_svg(to_svg(scene));
    BOOST_TEST(!element_by_id(transparent, "background"));
}

BOOST_AUTO_TEST_CASE(inkscape_layers_hold_groups_in_scene_order) {
    const auto doc = parse_svg(to_svg(two_layer_scene()));
    const auto layers = select(doc, "/svg/g[@inkscape:groupmode='layer']");
    BOOST_REQUIRE_EQUAL(layers.size(), 2u);
    BOOST_TEST(attr(layers[0], "inkscape:label") == "boxes and funnels");
    BOOST_TEST(attr(layers[0], "id") == "layer-boxes-and-funnels");
    BOOST_TEST(attr(layers[1], "inkscape:label") == "captions");
    BOOST_TEST(attr(layers[1], "id") == "layer-captions");

    // The funnel stays between the boxes it joins: paint order equals scene order.
    std::vector<std::string> ids;
    for (const auto& group : select(doc, "/svg/g/g")) ids.push_back(attr(group, "id"));
    const std::vector<std::string> expected = {"block1_conv1", "funnel-block1_conv1-block1_pool",
                                               "block1_pool", "caption-block1_conv1",
                                               "caption-block1_pool"};
    BOOST_TEST(ids == expected, boost::test_tools::per_element());
    BOOST_TEST(select(layers[1], "g[@data-role='caption']").size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_recurring_kind_opens_a_further_layer_instead_of_reordering) {
    Scene scene = two_layer_scene();
    scene.groups.push_back(box_group("late_box", "Dense", "10", BoxGeometry{110, 40, 120, 60, 0}));
    const auto doc = parse_svg(to_svg(scene));
    const auto layers = select(doc, "/svg/g[@inkscape:groupmode='layer']");
    BOOST_REQUIRE_EQUAL(layers.size(), 3u);
    BOOST_TEST(attr(layers[2], "inkscape:label") == "boxes and funnels 2");
    BOOST_TEST(attr(layers[2], "id") == "layer-boxes-and-funnels-2");
    BOOST_TEST(attr(layers[2].first_child(), "id") == "late_box");
}

BOOST_AUTO_TEST_CASE(layer_group_carries_id_label_data_and_title) {
    const auto doc = parse_svg(to_svg(two_layer_scene()));
    const pugi::xml_node group = element_by_id(doc, "block1_conv1");
    BOOST_REQUIRE(group);
    BOOST_TEST(std::string(group.name()) == "g");
    BOOST_TEST(attr(group, "inkscape:label") == "block1_conv1");
    BOOST_TEST(attr(group, "data-role") == "layer");
    BOOST_TEST(attr(group, "data-type") == "Conv2D");
    BOOST_TEST(attr(group, "data-shape") == "224 x 224 x 64");
    BOOST_TEST(std::string(group.first_child().name()) == "title");
    BOOST_TEST(std::string(group.child("title").child_value()) ==
               "block1_conv1 (Conv2D) 224 x 224 x 64");
}

BOOST_AUTO_TEST_CASE(funnel_and_caption_groups_leave_out_empty_data_attributes) {
    const auto doc = parse_svg(to_svg(two_layer_scene()));
    const pugi::xml_node funnel = element_by_id(doc, "funnel-block1_conv1-block1_pool");
    BOOST_TEST(attr(funnel, "data-role") == "funnel");
    BOOST_TEST(!funnel.attribute("data-type"));
    BOOST_TEST(!funnel.attribute("data-shape"));
    BOOST_TEST(attr(element_by_id(doc, "caption-block1_pool"), "data-role") == "caption");
}

BOOST_AUTO_TEST_CASE(faces_are_separate_named_paths) {
    const auto doc = parse_svg(to_svg(two_layer_scene()));
    const pugi::xml_node front = element_by_id(doc, "block1_conv1-front");
    BOOST_REQUIRE(front);
    BOOST_TEST(std::string(front.name()) == "path");
    BOOST_TEST(attr(front, "d") == "M 10 20 L 50 20 L 50 100 L 10 100 Z");
    BOOST_TEST(attr(front, "stroke") == "#000000");
    BOOST_TEST(attr(front, "stroke-width") == "1");
    BOOST_TEST(attr(front, "stroke-linejoin") == "miter");
    BOOST_TEST(!front.attribute("fill-opacity"));
    BOOST_TEST(attr(element_by_id(doc, "block1_conv1-side"), "d") ==
               "M 60 10 L 50 20 L 50 100 L 60 90 Z");
    // The faces take the group's fill; the top and side are shaded by black overlays on the
    // same outline.
    BOOST_TEST(attr(element_by_id(doc, "block1_conv1"), "fill") == "#ffd166");
    for (const char* face : {"block1_conv1-top", "block1_conv1-side", "block1_conv1-front"})
        BOOST_TEST(!element_by_id(doc, face).attribute("fill"), face);
    const pugi::xml_node shade = element_by_id(doc, "block1_conv1-side-shade");
    BOOST_TEST(attr(shade, "d") == "M 60 10 L 50 20 L 50 100 L 60 90 Z");
    BOOST_TEST(attr(shade, "fill") == "#000000");
    BOOST_TEST(!shade.attribute("stroke"));
    // #ffd166 less 20 per channel: the least-squares opacity of black.
    BOOST_TEST(attr(shade, "fill-opacity") == "0.095");
    BOOST_TEST(attr(element_by_id(doc, "block1_conv1-top-shade"), "fill-opacity") == "0.048");

    // Paint order inside the group: hidden edges, top and its shade, side and its shade, front.
    std::vector<std::string> ids;
    for (const auto& path : select(element_by_id(doc, "block1_conv1"), "path")) {
        ids.push_back(attr(path, "id"));
    }
    const std::vector<std::string> expected = {"block1_conv1-hidden-1",   "block1_conv1-hidden-2",
                                               "block1_conv1-hidden-3",   "block1_conv1-top",
                                               "block1_conv1-top-shade",  "block1_conv1-side",
                                               "block1_conv1-side-shade", "block1_conv1-front"};
    BOOST_TEST(ids == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(exact_face_colours_keep_every_face_s_own_fill) {
    const auto doc = parse_svg(to_svg(two_layer_scene(), SvgOptions{true}));
    BOOST_TEST(!element_by_id(doc, "block1_conv1").attribute("fill"));
    BOOST_TEST(attr(element_by_id(doc, "block1_conv1-front"), "fill") == "#ffd166");
    BOOST_TEST(attr(element_by_id(doc, "block1_conv1-top"), "fill") == "#f5c75c");
    BOOST_TEST(attr(element_by_id(doc, "block1_conv1-side"), "fill") == "#ebbd52");
    BOOST_TEST(!element_by_id(doc, "block1_conv1-side-shade"));
}

BOOST_AUTO_TEST_CASE(a_face_that_is_no_shade_of_its_group_keeps_its_fill) {
    Scene scene = two_layer_scene();
    std::get<Polygon>(scene.groups[0].items[4]).fill = Rgba{0, 0, 255, 255};  // the side
    const auto doc = parse_svg(to_svg(scene));
    BOOST_TEST(attr(element_by_id(doc, "block1_conv1-side"), "fill") == "#0000ff");
    BOOST_TEST(!element_by_id(doc, "block1_conv1-side-shade"));
    BOOST_TEST(!element_by_id(doc, "block1_conv1-top").attribute("fill"));
    // Nor does a group that is no layer carry a fill for its parts.
    BOOST_TEST(!element_by_id(doc, "funnel-block1_conv1-block1_pool").attribute("fill"));
}

BOOST_AUTO_TEST_CASE(polygon_without_fill_and_translucent_paint) {
    Scene scene = two_layer_scene();
    auto& front = std::get<Polygon>(scene.groups[0].items.back());
    front.fill = std::nullopt;
    front.stroke = Rgba{255, 0, 0, 51};
    const auto doc = parse_svg(to_svg(scene));
    const pugi::xml_node path = element_by_id(doc, "block1_conv1-front");
    BOOST_TEST(attr(path, "fill") == "none");
    BOOST_TEST(attr(path, "stroke") == "#ff0000");
    BOOST_TEST(attr(path, "stroke-opacity") == "0.2");
}

BOOST_AUTO_TEST_CASE(funnel_lines_are_open_stroked_paths) {
    const auto doc = parse_svg(to_svg(two_layer_scene()));
    const pugi::xml_node line = element_by_id(doc, "funnel-block1_conv1-block1_pool-front-top");
    BOOST_REQUIRE(line);
    BOOST_TEST(attr(line, "d") == "M 50 20 L 80 40");
    BOOST_TEST(attr(line, "fill") == "none");
    BOOST_TEST(attr(line, "stroke") == "#000000");
    BOOST_TEST(attr(line, "stroke-width") == "1");
    BOOST_TEST(select(element_by_id(doc, "funnel-block1_conv1-block1_pool"), "path").size() == 4u);
}

BOOST_AUTO_TEST_CASE(text_run_is_real_text_with_font_and_size) {
    Scene scene = two_layer_scene();
    std::get<TextRun>(scene.groups[3].items[0]).font_size = 13.3333333;
    const auto doc = parse_svg(to_svg(scene));
    const pugi::xml_node text = element_by_id(doc, "caption-block1_conv1-text");
    BOOST_REQUIRE(text);
    BOOST_TEST(std::string(text.name()) == "text");
    BOOST_TEST(attr(text, "x") == "30");  // the middle of its 40 px advance, from 10
    BOOST_TEST(attr(text, "y") == "120");
    BOOST_TEST(attr(text, "text-anchor") == "middle");
    BOOST_TEST(attr(text, "font-family") == "DejaVu Sans");
    BOOST_TEST(attr(text, "font-size") == "13.333");
    BOOST_TEST(attr(text, "fill") == "#000000");
    BOOST_TEST(attr(text, "xml:space") == "preserve");
    BOOST_TEST(std::string(text.child_value()) == "block1_conv1");
}

// A run is written at the point its anchor keeps, whatever the role of its group.
BOOST_AUTO_TEST_CASE(text_sits_at_the_point_its_anchor_keeps) {
    Scene scene = two_layer_scene();
    auto& run = std::get<TextRun>(scene.groups[3].items[0]);  // a caption, 40 px from x = 10
    run.anchor = TextAnchor::start;
    auto doc = parse_svg(to_svg(scene));
    pugi::xml_node text = element_by_id(doc, "caption-block1_conv1-text");
    BOOST_TEST(attr(text, "x") == "10");
    BOOST_TEST(!text.attribute("text-anchor"));
    run.anchor = TextAnchor::end;
    doc = parse_svg(to_svg(scene));
    text = element_by_id(doc, "caption-block1_conv1-text");
    BOOST_TEST(attr(text, "x") == "50");
    BOOST_TEST(attr(text, "text-anchor") == "end");
}

BOOST_AUTO_TEST_CASE(font_families_that_are_not_plain_words_are_quoted) {
    Scene scene = two_layer_scene();
    std::get<TextRun>(scene.groups[3].items[0]).font_family = "Font 3";
    std::get<TextRun>(scene.groups[4].items[0]).font_family = "It's";
    const auto doc = parse_svg(to_svg(scene));
    BOOST_TEST(attr(element_by_id(doc, "caption-block1_conv1-text"), "font-family") == "'Font 3'");
    BOOST_TEST(attr(element_by_id(doc, "caption-block1_pool-text"), "font-family") == "'It\\'s'");
}

BOOST_AUTO_TEST_CASE(ids_stay_unique_and_valid_even_when_the_scene_breaks_its_promise) {
    Scene scene = two_layer_scene();
    scene.groups[2].id = "block1_conv1";  // duplicate
    scene.groups[3].id = "";              // empty
    scene.groups[4].id = "9 bad:id";      // not an XML name
    const std::string svg = to_svg(scene);
    const auto doc = parse_svg(svg);
    std::vector<std::string> ids;
    for (const auto& group : select(doc, "/svg/g/g")) ids.push_back(attr(group, "id"));
    const std::vector<std::string> expected = {"block1_conv1", "funnel-block1_conv1-block1_pool",
                                               "block1_conv1-2", "group", "_9_bad_id"};
    BOOST_TEST(ids == expected, boost::test_tools::per_element());
    BOOST_TEST(element_by_id(doc, "block1_conv1-2-front"));
    BOOST_TEST(element_by_id(doc, "_9_bad_id-text"));

    std::set<std::string> all_ids;
    for (const auto& node : select(doc, "//*[@id]")) {
        BOOST_TEST(all_ids.insert(attr(node, "id")).second, "duplicate id " << attr(node, "id"));
    }
}

BOOST_AUTO_TEST_CASE(two_runs_give_identical_bytes) {
    const std::string first = to_svg(two_layer_scene());
    const std::string second = to_svg(two_layer_scene());
    BOOST_TEST(first == second);
    BOOST_TEST(first.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(non_finite_numbers_are_rejected) {
    Scene scene = two_layer_scene();
    std::get<Polygon>(scene.groups[0].items[3]).points[1].x =
        std::numeric_limits<double>::quiet_NaN();
    BOOST_CHECK_THROW(to_svg(scene), strata::Error);
    scene = two_layer_scene();
    scene.width = std::numeric_limits<double>::infinity();
    BOOST_CHECK_THROW(to_svg(scene), strata::Error);
    scene = two_layer_scene();
    std::get<TextRun>(scene.groups[3].items[0]).font_size =
        -std::numeric_limits<double>::infinity();
    BOOST_CHECK_THROW(to_svg(scene), strata::Error);
}

BOOST_AUTO_TEST_SUITE_END()
