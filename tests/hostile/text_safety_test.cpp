// Text from model and option files reaches emitters only as valid Unicode; errors print as one
// line; SVG output carries nothing active and keeps ids unique.

#include <boost/test/unit_test.hpp>
#include <pugixml.hpp>

#include <set>

#include "import/load.hpp"
#include "processor_time_limit.hpp"
#include "strata/error.hpp"
#include "strata/option_table.hpp"
#include "strata/printable.hpp"
#include "strata/render.hpp"
#include "text/unicode_text.hpp"

using strata::unicode::valid_line;
using strata::unicode::valid_text;

BOOST_AUTO_TEST_SUITE(text_safety)

BOOST_AUTO_TEST_CASE(invalid_utf8_and_controls_become_replacement_characters) {
    BOOST_TEST(valid_text("plain ascii") == "plain ascii");
    BOOST_TEST(valid_text("caf\xc3\xa9") == "caf\xc3\xa9");
    BOOST_TEST(valid_text(std::string("a\0b", 3)) ==
               "a\xef\xbf\xbd"
               "b");
    BOOST_TEST(valid_text("\x1b[31m") == "\xef\xbf\xbd[31m");
    BOOST_TEST(valid_text("\xff\xfe") == "\xef\xbf\xbd\xef\xbf\xbd");
    BOOST_TEST(valid_text("\xed\xa0\x80") == "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // surrogate
    BOOST_TEST(valid_text("\xc2\x85") == "\xef\xbf\xbd");                              // C1 NEL
    BOOST_TEST(valid_text("a\tb\nc") == "a b\nc");
    BOOST_TEST(valid_line("a\nb\rc") ==
               "a b\xef\xbf\xbd"
               "c");
}

BOOST_AUTO_TEST_CASE(noncharacters_of_every_plane_become_replacement_characters) {
    const std::string fffd = "\xef\xbf\xbd";
    BOOST_TEST(valid_text("\xef\xb7\x90") == fffd);             // U+FDD0
    BOOST_TEST(valid_text("\xef\xb7\xaf") == fffd);             // U+FDEF
    BOOST_TEST(valid_text("\xef\xbf\xbe") == fffd);             // U+FFFE
    BOOST_TEST(valid_text("\xf0\x9f\xbf\xbe") == fffd);         // U+1FFFE
    BOOST_TEST(valid_text("a\xf4\x8f\xbf\xbf") == "a" + fffd);  // U+10FFFF
    BOOST_TEST(valid_text("\xef\xb7\x8f\xef\xb7\xb0") ==
               "\xef\xb7\x8f\xef\xb7\xb0");  // U+FDCF, U+FDF0 are characters
    BOOST_TEST(valid_text("\xf0\x9f\xbf\xbd") == "\xf0\x9f\xbf\xbd");  // U+1FFFD
    BOOST_TEST(!strata::unicode::is_valid_text("n\xf3\xbf\xbf\xbf"));  // U+FFFFF
}

BOOST_AUTO_TEST_CASE(imported_names_are_valid_text) {
    strata::Warnings warnings;
    const auto model = strata::import_model_bytes(
        R"({"class_name": "Sequential", "config": {"name": "s\u0000", "layers": [{"class_name":
        "Dense\u001b", "config": {"name": "d\u0001\u0007", "units": 2, "activation": "re\u0000lu",
        "batch_input_shape": [null, 2]}}]}})",
        "model.json", warnings);
    BOOST_TEST(model.name == "s\xef\xbf\xbd");
    BOOST_TEST(model.layers.back().name == "d\xef\xbf\xbd\xef\xbf\xbd");
    BOOST_TEST(model.layers.back().type == "Dense\xef\xbf\xbd");
    BOOST_TEST(*strata::attr<std::string>(model.layers.back(), "activation") == "re\xef\xbf\xbdlu");
}

BOOST_AUTO_TEST_CASE(option_text_is_valid_text) {
    strata::Options options;
    strata::apply_options_yaml(options, "caption: \"\\0x\\e[1m\"\n", "fig.yaml");
    BOOST_TEST(options.caption == "\xef\xbf\xbdx\xef\xbf\xbd[1m");
}

BOOST_AUTO_TEST_CASE(errors_are_one_line_of_valid_text) {
    const strata::Error error("m\nodel.json", 2, 3, "bad name 'a\nb\x1b\xff'");
    const std::string what = error.what();
    BOOST_TEST(what.find('\n') == std::string::npos);
    BOOST_TEST(what.find('\x1b') == std::string::npos);
    BOOST_TEST(strata::unicode::is_valid_text(what));
}

BOOST_AUTO_TEST_CASE(fontconfig_pattern_syntax_is_not_interpreted) {
    strata::Warnings warnings;
    const auto model = strata::parse_model(
        R"({"class_name": "Sequential", "config": {"name": "s", "layers": [{"class_name": "Dense",
        "config": {"name": "d", "units": 2, "batch_input_shape": [null, 2]}}]}})",
        "model.json", warnings);
    strata::Options options;
    options.text_callable = strata::TextCallable::name;  // captions, so that the font is looked up
    options.font = "DejaVu Sans:lang=en:charset=20";
    std::string message;
    try {
        strata::layout_layered(model, options, warnings);
    } catch (const strata::Error& error) {
        message = error.what();
    }
    BOOST_TEST(message.find("only a family and a style may be given") != std::string::npos,
               message);
}

BOOST_AUTO_TEST_CASE(svg_of_hostile_names_is_inert_and_ids_unique) {
    std::string layers;
    // Names that all become the same id, and names full of markup.
    const char* const names[] = {R"(<script>alert(1)</script>)",
                                 R"(\" onload=\"x)",
                                 "a b",
                                 "a_b",
                                 "a?b",
                                 "a!b",
                                 R"(\u00e9)",
                                 R"(\u00e8)",
                                 "&amp;"};
    for (const char* name : names) {
        layers += std::string(layers.empty() ? "" : ",") +
                  R"({"class_name": "Dense", "config": {"units": 2, "name": ")" + name + "\"" +
                  (layers.empty() ? R"(, "batch_input_shape": [null, 2])" : "") + "}}";
    }
    strata::Warnings warnings;
    const auto model = strata::parse_model(
        R"({"class_name": "Sequential", "config": {"name": "s", "layers": [)" + layers + "]}}",
        "model.json", warnings);
    strata::Options options;
    options.legend = true;
    const std::string svg = strata::to_svg(strata::layout_layered(model, options, warnings));
    pugi::xml_document doc;
    BOOST_REQUIRE(doc.load_string(svg.c_str()));
    BOOST_TEST(svg.find("<script") == std::string::npos);
    std::set<std::string> ids;
    for (const auto& node : doc.select_nodes("//*[@id]")) {
        BOOST_TEST(ids.insert(node.node().attribute("id").as_string()).second);
    }
    for (const auto& node : doc.select_nodes("//@*")) {
        const std::string name = node.attribute().name();
        BOOST_TEST(name.rfind("on", 0) != 0u, name);
    }
}

BOOST_AUTO_TEST_CASE(many_clashing_ids_take_linear_time) {
    strata::Scene scene;
    scene.width = scene.height = 10;
    for (int i = 0; i < 20000; ++i) {
        strata::Group group;
        group.id = "\xc3\xa9";  // every id the same
        group.role = strata::Role::layer;
        scene.groups.push_back(group);
    }
    // Linear work takes milliseconds; quadratic work (4e8 string comparisons and copies)
    // cannot finish within the processor-time limit of the child that does it.
    const strata_test::ChildEnd end = strata_test::run_with_processor_limit(5, [&] {
        return strata::to_svg(scene).find("id=\"\xc3\xa9-20000\"") != std::string::npos;
    });
    BOOST_TEST((end == strata_test::ChildEnd::succeeded), strata_test::describe(end));
}

BOOST_AUTO_TEST_CASE(quoted_text_is_bounded_and_bidi_controls_are_shown) {
    using strata::printable_text;
    using strata::unicode::excerpt;
    using strata::unicode::message_line;
    BOOST_TEST(printable_text("plain") == "plain");
    BOOST_TEST(printable_text(std::string(200, 'n')) == std::string(200, 'n'));
    BOOST_TEST(printable_text(std::string(201, 'n')) == std::string(200, 'n') + "\u2026");
    BOOST_TEST(strata::quoted_text("a\u202Eb") == "'a<U+202E>b'");
    BOOST_TEST(excerpt("abcdef", 3) == "abc\u2026");
    BOOST_TEST(excerpt("\u00e9\u00e9\u00e9\u00e9", 2) == "\u00e9\u00e9\u2026");  // whole characters
    for (const char* bidi : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067",
                             "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"}) {
        const std::string shown = printable_text(std::string("a") + bidi + "b");
        BOOST_TEST_INFO(shown);
        BOOST_TEST(shown.size() == 10u);  // a<U+XXXX>b
        BOOST_TEST(shown.find("<U+") == 1u);
    }
    BOOST_TEST(printable_text("x\u202Ey") == "x<U+202E>y");
    BOOST_TEST(printable_text("a\nb\x1b") == "a b\xef\xbf\xbd");
    // A whole message keeps its start and its end.
    const std::string long_message = "file.json: " + std::string(5000, 'x') + " expected a list";
    const std::string line = message_line(long_message);
    BOOST_TEST(line.rfind("file.json: xxx", 0) == 0u);
    BOOST_TEST(line.ends_with("xxx expected a list"));
    BOOST_TEST(line.find("\u2026") != std::string::npos);
    BOOST_TEST(line.size() == 999u + 3u);  // 999 ASCII characters and the ellipsis
    BOOST_TEST(message_line(std::string(1000, 'y')) == std::string(1000, 'y'));
    // strata::Error applies it.
    const strata::Error error("m.json", "class '" + std::string(1 << 20, 'z') + "\u202E'");
    BOOST_TEST(std::string(error.what()).size() < 1100u);
    BOOST_TEST(std::string(error.what()).find("\u202E") == std::string::npos);
    BOOST_TEST(std::string(error.what()).find("<U+202E>") != std::string::npos);
}

// A line or paragraph separator would end a warning or an `info` line where a terminal or an
// editor shows it: it is shown as its code point, like a bidirectional control.
BOOST_AUTO_TEST_CASE(line_separators_are_shown_as_code_points) {
    using strata::printable_text;
    BOOST_TEST(printable_text("a\u2028b") == "a<U+2028>b");
    BOOST_TEST(printable_text("a\u2029b") == "a<U+2029>b");
    BOOST_TEST(printable_text("a\u0085b") == "a<U+0085>b");
    BOOST_TEST(strata::quoted_text("\u2028") == "'<U+2028>'");
    BOOST_TEST(strata::printable_line("m.json: layer 'a\u2029b'") == "m.json: layer 'a<U+2029>b'");
    const strata::Error error("m.json", "class 'x\u2028y'");
    BOOST_TEST(std::string(error.what()).find("\u2028") == std::string::npos);
}

// Invisible format characters hide text on a terminal: "Conv\u200b2D" would read as Conv2D.
BOOST_AUTO_TEST_CASE(invisible_format_characters_are_shown_as_code_points) {
    using strata::printable_text;
    BOOST_TEST(printable_text("Conv\u200b2D") == "Conv<U+200B>2D");
    BOOST_TEST(printable_text("\ufeffkey") == "<U+FEFF>key");
    BOOST_TEST(printable_text("a\u2060b\u00adc") == "a<U+2060>b<U+00AD>c");
    BOOST_TEST(printable_text("x\U000E0041") == "x<U+E0041>");
    BOOST_TEST(printable_text("caf\u00e9 \u00d7 2") == "caf\u00e9 \u00d7 2");  // visible text stays
}

BOOST_AUTO_TEST_SUITE_END()
