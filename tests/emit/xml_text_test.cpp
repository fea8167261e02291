#include <string>
#include <variant>

#include <boost/test/unit_test.hpp>

#include "emit/scene_builders.hpp"
#include "emit/xml_text.hpp"
#include "strata/render.hpp"

using namespace std::string_literals;
using strata::emit::xml_safe_id;
using strata::emit::xml_safe_text;

BOOST_AUTO_TEST_SUITE(xml_text)

BOOST_AUTO_TEST_CASE(valid_utf8_passes_unchanged) {
    BOOST_TEST(xml_safe_text("conv2d_1 <&\"'>") == "conv2d_1 <&\"'>");
    BOOST_TEST(xml_safe_text("卷积层 Ω 😀") == "卷积层 Ω 😀");
    BOOST_TEST(xml_safe_text("a\tb\nc") == "a\tb\nc");
}

BOOST_AUTO_TEST_CASE(control_characters_are_dropped) {
    BOOST_TEST(xml_safe_text("a\x01"
                             "b\x1f"
                             "c\rd\x7f"
                             "e") == "abcde");
    BOOST_TEST(xml_safe_text("x\xc2\x85y") == "xy");  // C1 NEL
    BOOST_TEST(xml_safe_text("n\0ul"s) == "nul");
    BOOST_TEST(xml_safe_text("\xef\xbf\xbe") == "");  // U+FFFE
}

BOOST_AUTO_TEST_CASE(invalid_utf8_becomes_replacement_characters) {
    const std::string fffd = "\xef\xbf\xbd";
    BOOST_TEST(xml_safe_text("a\xff"
                             "b") == "a" + fffd + "b");
    BOOST_TEST(xml_safe_text("\xc0\xaf") == fffd + fffd);                        // overlong '/'
    BOOST_TEST(xml_safe_text("\xed\xa0\x80") == fffd + fffd + fffd);             // surrogate
    BOOST_TEST(xml_safe_text("\xe4\xb8") == fffd);                               // truncated
    BOOST_TEST(xml_safe_text("\xe4\xb8x") == fffd + "x");                        // cut short
    BOOST_TEST(xml_safe_text("\xf4\x90\x80\x80") == fffd + fffd + fffd + fffd);  // > U+10FFFF
}

BOOST_AUTO_TEST_CASE(ids_become_xml_names) {
    BOOST_TEST(xml_safe_id("block1_conv1", "g") == "block1_conv1");
    BOOST_TEST(xml_safe_id("dense 1/relu:0", "g") == "dense_1_relu_0");
    BOOST_TEST(xml_safe_id("1st", "g") == "_1st");
    BOOST_TEST(xml_safe_id("-x", "g") == "_-x");
    BOOST_TEST(xml_safe_id("卷积", "g") == "卷积");
    BOOST_TEST(xml_safe_id("", "fallback") == "fallback");
    BOOST_TEST(xml_safe_id("\x01", "fallback") == "fallback");
}

BOOST_AUTO_TEST_CASE(hostile_names_give_valid_svg_that_keeps_the_printable_part) {
    using namespace strata;
    using namespace strata::test;
    Scene scene = two_layer_scene();
    const std::string hostile =
        "a<b&c\"d'e>\x01"
        "f\xff"
        "g";
    const std::string printable = "a<b&c\"d'e>f\xef\xbf\xbdg";
    scene.groups[0].label = hostile;
    scene.groups[0].type = hostile;
    scene.groups[0].shape = hostile;
    std::get<TextRun>(scene.groups[3].items[0]).text = hostile;
    std::get<TextRun>(scene.groups[3].items[0]).font_family = hostile;

    const std::string svg = to_svg(scene);
    BOOST_TEST(svg.find('\x01') == std::string::npos);
    BOOST_TEST(svg.find("&#") == std::string::npos);
    const auto doc = parse_svg(svg);
    const pugi::xml_node group = element_by_id(doc, "block1_conv1");
    BOOST_TEST(std::string(group.attribute("inkscape:label").value()) == printable);
    BOOST_TEST(std::string(group.attribute("data-type").value()) == printable);
    BOOST_TEST(std::string(group.attribute("data-shape").value()) == printable);
    BOOST_TEST(std::string(group.child("title").child_value()) ==
               printable + " (" + printable + ") " + printable);
    const pugi::xml_node text = element_by_id(doc, "caption-block1_conv1-text");
    BOOST_TEST(std::string(text.child_value()) == printable);
    BOOST_TEST(std::string(text.attribute("font-family").value()) ==
               "'a<b&c\"d\\'e>f\xef\xbf\xbdg'");
}

BOOST_AUTO_TEST_SUITE_END()
