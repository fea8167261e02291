#include <boost/test/unit_test.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "strata/color.hpp"

namespace strata {
// Lets Boost.Test print colours in failure messages.
std::ostream& operator<<(std::ostream& out, const Rgba& c) {
    return out << "rgba(" << int(c.r) << ',' << int(c.g) << ',' << int(c.b) << ',' << int(c.a)
               << ')';
}
}  // namespace strata

namespace {

using strata::parse_color;
using strata::Rgba;

Rgba rgb(int r, int g, int b, int a = 255) {
    return Rgba{static_cast<std::uint8_t>(r), static_cast<std::uint8_t>(g),
                static_cast<std::uint8_t>(b), static_cast<std::uint8_t>(a)};
}

void check_color(std::string_view text, Rgba expected) {
    BOOST_TEST_CONTEXT("text: '" << text << "'") {
        const std::optional<Rgba> parsed = parse_color(text);
        BOOST_TEST_REQUIRE(parsed.has_value());
        BOOST_TEST(*parsed == expected);
    }
}

void check_rejected(std::string_view text) {
    BOOST_TEST_CONTEXT("text: '" << text << "'") {
        BOOST_TEST(!parse_color(text).has_value());
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(color)

BOOST_AUTO_TEST_CASE(named_colours_have_css_values) {
    check_color("white", rgb(255, 255, 255));
    check_color("black", rgb(0, 0, 0));
    check_color("gray", rgb(128, 128, 128));
    check_color("grey", rgb(128, 128, 128));
    check_color("orange", rgb(255, 165, 0));
    check_color("red", rgb(255, 0, 0));
    check_color("green", rgb(0, 128, 0));
    check_color("teal", rgb(0, 128, 128));
    check_color("pink", rgb(255, 192, 203));
    check_color("lightblue", rgb(173, 216, 230));
    check_color("rebeccapurple", rgb(102, 51, 153));
    check_color("aliceblue", rgb(240, 248, 255));
    check_color("yellowgreen", rgb(154, 205, 50));
    check_color("lightgoldenrodyellow", rgb(250, 250, 210));
    check_color("darkslategrey", rgb(47, 79, 79));
}

BOOST_AUTO_TEST_CASE(names_ignore_case_and_surrounding_space) {
    check_color("White", rgb(255, 255, 255));
    check_color("LIGHTBLUE", rgb(173, 216, 230));
    check_color("RebeccaPurple", rgb(102, 51, 153));
    check_color("  teal\n", rgb(0, 128, 128));
    check_color("\t#FFF ", rgb(255, 255, 255));
}

BOOST_AUTO_TEST_CASE(hex_forms) {
    check_color("#f00", rgb(255, 0, 0));
    check_color("#1a2", rgb(0x11, 0xaa, 0x22));
    check_color("#1a2b", rgb(0x11, 0xaa, 0x22, 0xbb));
    check_color("#ffd166", rgb(255, 209, 102));
    check_color("#FFD166", rgb(255, 209, 102));
    check_color("#11223380", rgb(0x11, 0x22, 0x33, 0x80));
}

BOOST_AUTO_TEST_CASE(rgb_and_rgba_functions) {
    check_color("rgb(1,2,3)", rgb(1, 2, 3));
    check_color("rgb( 10 , 20 ,30 )", rgb(10, 20, 30));
    check_color("RGB(255,0,0)", rgb(255, 0, 0));
    // int(p * 255 / 100.0 + 0.5)
    check_color("rgb(100%,50%,33%)", rgb(255, 128, 84));
    check_color("rgb(0%, 0%, 0%)", rgb(0, 0, 0));
    check_color("rgba(1,2,3,4)", rgb(1, 2, 3, 4));
    check_color("rgba( 255 , 128 , 0 , 0 )", rgb(255, 128, 0, 0));
}

BOOST_AUTO_TEST_CASE(hsl_with_pillows_rounding) {
    check_color("hsl(0,100%,50%)", rgb(255, 0, 0));
    check_color("hsl(120, 100%, 25%)", rgb(0, 128, 0));
    check_color("hsl(210,65%,40.5%)", rgb(36, 103, 170));
    check_color("hsl(33.3,77%,88%)", rgb(248, 227, 201));
    check_color("hsl(359.9,100%,50%)", rgb(255, 0, 0));
    check_color("hsl(720,50%,50%)", rgb(191, 64, 64));
    check_color("hsl(120.,100%,25%)", rgb(0, 128, 0));
    check_color("HSL(0,0%,50%)", rgb(128, 128, 128));
}

BOOST_AUTO_TEST_CASE(hsv_and_hsb_with_pillows_rounding) {
    check_color("hsv(0,100%,100%)", rgb(255, 0, 0));
    check_color("hsv(240,50%,50%)", rgb(64, 64, 128));
    check_color("hsb(300,25%,75%)", rgb(191, 143, 191));
    check_color("hsv(45.5,33.3%,66.6%)", rgb(170, 156, 113));
    check_color("hsv(360,100%,100%)", rgb(255, 0, 0));
    check_color("hsb(1000,80%,90%)", rgb(168, 46, 230));
}

// Pillow's getrgb returns these components unchanged and clips them when drawing.
BOOST_AUTO_TEST_CASE(out_of_range_components_are_clipped_like_pillow_draws_them) {
    check_color("rgb(300,0,0)", rgb(255, 0, 0));
    check_color("rgb(150%,0%,0%)", rgb(255, 0, 0));
    check_color("rgba(0,0,0,999)", rgb(0, 0, 0, 255));
    check_color("rgb(99999999999999999999999999999,0,0)", rgb(255, 0, 0));
    check_color("hsl(0,200%,50%)", rgb(255, 0, 0));
    check_color("hsl(90,100%,150%)", rgb(255, 255, 255));
}

BOOST_AUTO_TEST_CASE(bad_strings_are_rejected) {
    for (std::string_view text : {"",
                                  "   ",
                                  "#",
                                  "#12",
                                  "#12345",
                                  "#1234567",
                                  "#123456789",
                                  "#gggggg",
                                  "# fff",
                                  "fff",
                                  "notacolor",
                                  "whitee",
                                  "rgb(1,2)",
                                  "rgb(1,2,3,4)",
                                  "rgb(1,2,3",
                                  "rgb(1,2,3)x",
                                  "rgb (1,2,3)",
                                  "rgb(1.5,2,3)",
                                  "rgb(-1,2,3)",
                                  "rgb(1%,2,3)",
                                  "rgb(1 %,2%,3%)",
                                  "rgba(1,2,3)",
                                  "rgba(1,2,3,50%)",
                                  "rgba(1,2,3,0.5)",
                                  "hsl(0,100,50)",
                                  "hsl(0%,1%,1%)",
                                  "hsl(.5,1%,1%)",
                                  "hsl(0,100%,50%",
                                  "hsv(0,1%)",
                                  "hsx(0,1%,1%)",
                                  "(1,2,3)",
                                  "rgb(,1,2)"}) {
        check_rejected(text);
    }
}

BOOST_AUTO_TEST_CASE(hostile_text_is_rejected_without_crashing) {
    check_rejected(std::string_view("red\0", 4));
    check_rejected(std::string_view("#ff\0000", 6));
    check_rejected(std::string("rgb(") + std::string(200, '9') + ",0,0)");  // too long
    check_rejected(std::string(10000, '('));
    check_rejected("\xff\xfe\x80");
    check_rejected("r\xc3\xa9\x64");
}

BOOST_AUTO_TEST_CASE(to_hex_writes_six_or_eight_digits) {
    BOOST_TEST(strata::to_hex(rgb(255, 209, 102)) == "#ffd166");
    BOOST_TEST(strata::to_hex(rgb(0, 0, 0)) == "#000000");
    BOOST_TEST(strata::to_hex(rgb(1, 2, 3, 4)) == "#01020304");
    BOOST_TEST(strata::to_hex(rgb(10, 20, 30, 0)) == "#0a141e00");
}

BOOST_AUTO_TEST_CASE(to_hex_round_trips_through_parse_color) {
    for (Rgba c : {rgb(0, 0, 0), rgb(255, 255, 255), rgb(17, 138, 178), rgb(1, 2, 3, 4),
                   rgb(200, 100, 50, 0), rgb(7, 59, 76, 254)}) {
        const auto parsed = parse_color(strata::to_hex(c));
        BOOST_TEST_REQUIRE(parsed.has_value());
        BOOST_TEST(*parsed == c);
    }
}

BOOST_AUTO_TEST_SUITE_END()
