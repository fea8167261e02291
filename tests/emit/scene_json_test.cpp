#include <limits>
#include <string>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "emit/scene_builders.hpp"
#include "strata/error.hpp"
#include "strata/render.hpp"

using namespace strata;
using namespace strata::test;
using Json = nlohmann::ordered_json;

BOOST_AUTO_TEST_SUITE(scene_json)

BOOST_AUTO_TEST_CASE(canvas_fields) {
    const Json json = Json::parse(to_scene_json(two_layer_scene()));
    std::vector<std::string> keys;
    for (const auto& item : json.items()) keys.push_back(item.key());
    const std::vector<std::string> expected = {"width", "height", "background", "groups"};
    BOOST_TEST(keys == expected, boost::test_tools::per_element());
    BOOST_TEST(json["width"].is_number_integer());
    BOOST_TEST(json["width"].get<int>() == 140);
    BOOST_TEST(json["height"].get<int>() == 130);
    BOOST_TEST(json["background"].get<std::string>() == "#ffffff");
    BOOST_TEST(json["groups"].size() == 5u);
}

BOOST_AUTO_TEST_CASE(layer_group_fields_in_documented_order) {
    Scene scene = two_layer_scene();
    scene.groups[0].box->de = 6.6666667;
    scene.groups[0].outline = Rgba{0, 0, 0, 128};
    const Json group = Json::parse(to_scene_json(scene))["groups"][0];
    std::vector<std::string> keys;
    for (const auto& item : group.items()) keys.push_back(item.key());
    const std::vector<std::string> expected = {"id",    "role", "name", "type",
                                               "shape", "box",  "fill", "outline"};
    BOOST_TEST(keys == expected, boost::test_tools::per_element());
    BOOST_TEST(group["id"].get<std::string>() == "block1_conv1");
    BOOST_TEST(group["role"].get<std::string>() == "layer");
    BOOST_TEST(group["name"].get<std::string>() == "block1_conv1");
    BOOST_TEST(group["type"].get<std::string>() == "Conv2D");
    BOOST_TEST(group["shape"].get<std::string>() == "224 x 224 x 64");
    BOOST_TEST(group["box"]["x1"].get<int>() == 10);
    BOOST_TEST(group["box"]["y2"].get<int>() == 100);
    BOOST_TEST(group["box"]["de"].get<double>() == 6.667);
    BOOST_TEST(group["fill"].get<std::string>() == "#ffd166");
    BOOST_TEST(group["outline"].get<std::string>() == "#00000080");
}

BOOST_AUTO_TEST_CASE(funnel_and_caption_leave_out_absent_fields) {
    const Json groups = Json::parse(to_scene_json(two_layer_scene()))["groups"];
    const Json& funnel = groups[1];
    BOOST_TEST(funnel["role"].get<std::string>() == "funnel");
    BOOST_TEST(funnel["type"].get<std::string>() == "");
    for (const char* absent : {"shape", "box", "fill", "outline"}) {
        BOOST_TEST(!funnel.contains(absent), absent);
    }
    BOOST_TEST(groups[3]["role"].get<std::string>() == "caption");
    BOOST_TEST(groups[3]["name"].get<std::string>() == "block1_conv1");
}

BOOST_AUTO_TEST_CASE(text_runs_carry_string_font_size_anchor_and_box) {
    Scene scene = two_layer_scene();
    const Json caption = Json::parse(to_scene_json(scene))["groups"][3];
    BOOST_REQUIRE(caption.contains("texts"));
    BOOST_REQUIRE(caption["texts"].size() == 1u);
    const Json& run = caption["texts"][0];
    std::vector<std::string> keys;
    for (const auto& item : run.items()) keys.push_back(item.key());
    const std::vector<std::string> expected = {"text",   "font", "font_file", "size",
                                               "anchor", "x",    "y",         "box"};
    BOOST_TEST(keys == expected, boost::test_tools::per_element());
    BOOST_TEST(run["text"].get<std::string>() == "block1_conv1");
    BOOST_TEST(run["font"].get<std::string>() == "DejaVu Sans");
    BOOST_TEST(run["font_file"].get<std::string>() == "/usr/share/fonts/DejaVuSans.ttf");
    BOOST_TEST(run["size"].get<int>() == 12);
    BOOST_TEST(run["anchor"].get<std::string>() == "middle");
    BOOST_TEST(run["x"].get<int>() == 10);
    BOOST_TEST(run["y"].get<int>() == 120);
    // The advance (40) by the ascent (11) above and the descent (3) below the baseline.
    BOOST_TEST(run["box"]["x1"].get<int>() == 10);
    BOOST_TEST(run["box"]["y1"].get<int>() == 109);
    BOOST_TEST(run["box"]["x2"].get<int>() == 50);
    BOOST_TEST(run["box"]["y2"].get<int>() == 123);

    // A group without text has no "texts"; a run whose font file is unknown names none.
    BOOST_TEST(!Json::parse(to_scene_json(scene))["groups"][0].contains("texts"));
    std::get<TextRun>(scene.groups[3].items[0]).font_file.clear();
    std::get<TextRun>(scene.groups[3].items[0]).anchor = TextAnchor::end;
    const Json bare = Json::parse(to_scene_json(scene))["groups"][3]["texts"][0];
    BOOST_TEST(!bare.contains("font_file"));
    BOOST_TEST(bare["anchor"].get<std::string>() == "end");
}

BOOST_AUTO_TEST_CASE(numbers_are_rounded_and_never_minus_zero) {
    Scene scene = two_layer_scene();
    scene.width = 2.3333333;
    scene.groups[0].box->x1 = -0.0001;
    const std::string text = to_scene_json(scene);
    BOOST_TEST(text.find("\"width\": 2.333,") != std::string::npos);
    BOOST_TEST(text.find("\"x1\": 0,") != std::string::npos);
    BOOST_TEST(text.find("-0") == std::string::npos);
    BOOST_TEST(text.find(".0,") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_replaced_and_output_is_deterministic) {
    Scene scene = two_layer_scene();
    scene.groups[0].label = "bad\xff";
    const std::string first = to_scene_json(scene);
    BOOST_TEST(first == to_scene_json(scene));
    BOOST_TEST(Json::parse(first)["groups"][0]["name"].get<std::string>() == "bad\xef\xbf\xbd");
}

BOOST_AUTO_TEST_CASE(non_finite_numbers_are_rejected) {
    Scene scene = two_layer_scene();
    scene.groups[2].box->y1 = std::numeric_limits<double>::quiet_NaN();
    BOOST_CHECK_THROW(to_scene_json(scene), strata::Error);
}

BOOST_AUTO_TEST_SUITE_END()
