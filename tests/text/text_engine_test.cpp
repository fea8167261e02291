#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "strata/error.hpp"
#include "text/font_facts.hpp"
#include "text/harfbuzz_engine.hpp"

namespace {

using strata::FontSpec;
using strata::TextEngine;
using strata::TextMetrics;

const FontSpec kDejaVu10{"DejaVu Sans", 10};

// The Debian package fonts-dejavu-core puts the font here; fontconfig finds it too.
std::string dejavu_file() {
    TextEngine engine;
    return engine.resolve(kDejaVu10).file;
}

bool same(const TextMetrics& a, const TextMetrics& b) {
    return a.left == b.left && a.top == b.top && a.right == b.right && a.bottom == b.bottom &&
           a.advance == b.advance && a.ascent == b.ascent && a.descent == b.descent;
}

// Checks that the message of the Error thrown by `action` mentions `name`.
template <typename Action>
void check_error_names(Action action, const std::string& name) {
    try {
        action();
        BOOST_ERROR("no strata::Error thrown for " << name);
    } catch (const strata::Error& error) {
        BOOST_TEST(error.message().find(name) != std::string::npos, error.message());
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text_engine)

BOOST_AUTO_TEST_CASE(resolves_dejavu_sans_to_its_own_family_and_file) {
    TextEngine engine;
    const strata::ResolvedFont font = engine.resolve(kDejaVu10);
    BOOST_TEST(font.family == "DejaVu Sans");
    BOOST_TEST(font.file.ends_with("/DejaVuSans.ttf"), font.file);
    // fontconfig's family comparison ignores case and blanks.
    BOOST_TEST(engine.resolve({"dejavu sans", 10}).file == font.file);
    BOOST_TEST(engine.resolve({"", 10}).file == font.file);  // the default font
    // Generic families are not checked against the family of the match.
    BOOST_CHECK_NO_THROW(engine.resolve({"sans-serif", 10}));
    const strata::ResolvedFont bold = engine.resolve({"DejaVu Sans:bold", 10});
    BOOST_TEST(bold.family == "DejaVu Sans");
    BOOST_TEST(bold.file.ends_with("/DejaVuSans-Bold.ttf"), bold.file);
}

BOOST_AUTO_TEST_CASE(advance_of_a_matches_the_hmtx_table) {
    const FontFacts facts(dejavu_file());
    const double expected = facts.advance(U'A') / facts.units_per_em() * 10;
    BOOST_TEST(expected == 6.8408, boost::test_tools::tolerance(1e-4));  // 1401 / 2048 * 10
    TextEngine engine;
    BOOST_TEST(std::abs(engine.measure("A", kDejaVu10).advance - expected) < 0.01);
}

BOOST_AUTO_TEST_CASE(kerning_is_applied) {
    const FontFacts facts(dejavu_file());
    const double kern = facts.kerning(U'A', U'V') / facts.units_per_em() * 10;
    BOOST_TEST_REQUIRE(kern < -0.1);  // DejaVu Sans has an A-V pair
    TextEngine engine;
    const double a = engine.measure("A", kDejaVu10).advance;
    const double v = engine.measure("V", kDejaVu10).advance;
    const double av = engine.measure("AV", kDejaVu10).advance;
    BOOST_TEST(av < a + v);
    BOOST_TEST(std::abs(av - (a + v + kern)) < 1e-6);
}

BOOST_AUTO_TEST_CASE(ligatures_are_formed) {
    FT_Library library = nullptr;
    BOOST_TEST_REQUIRE(FT_Init_FreeType(&library) == 0);
    {
        const strata::FontLocation location{dejavu_file(), 0};
        strata::ShapingFont font(library, location, strata::FontLocator().read(location));
        BOOST_TEST(font.shape("fi").glyphs.size() == 1u);
        BOOST_TEST(font.shape("xy").glyphs.size() == 2u);
    }
    FT_Done_FreeType(library);
}

BOOST_AUTO_TEST_CASE(ascent_and_descent_come_from_the_font_metrics) {
    const FontFacts facts(dejavu_file());
    TextEngine engine;
    const TextMetrics m = engine.measure("x", kDejaVu10);
    BOOST_TEST(facts.ascender() == 1901.0);
    BOOST_TEST(m.ascent == facts.ascender() / facts.units_per_em() * 10,
               boost::test_tools::tolerance(1e-12));
    BOOST_TEST(m.ascent == 9.2822, boost::test_tools::tolerance(1e-4));
    BOOST_TEST(m.descent == facts.descender() / facts.units_per_em() * 10,
               boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(ink_box_is_relative_to_the_ascender_line) {
    TextEngine engine;
    const TextMetrics a = engine.measure("A", kDejaVu10);
    BOOST_TEST(a.top > 0.5);
    BOOST_TEST(a.top < a.ascent);
    BOOST_TEST(a.bottom == a.ascent, boost::test_tools::tolerance(1e-9));  // sits on the baseline
    BOOST_TEST(a.left == 0.0);
    BOOST_TEST(a.right >= a.advance);

    const TextMetrics ag = engine.measure("Ag", kDejaVu10);
    BOOST_TEST(ag.bottom > ag.ascent + 1);  // the descender of g
    BOOST_TEST(ag.bottom <= ag.ascent + ag.descent);

    const TextMetrics dash = engine.measure("-", kDejaVu10);
    BOOST_TEST(dash.top > a.top + 3);
    // Like Pillow, the box reaches down to the baseline even when the ink does not.
    BOOST_TEST(dash.bottom == dash.ascent, boost::test_tools::tolerance(1e-9));

    const TextMetrics space = engine.measure(" ", kDejaVu10);
    BOOST_TEST(space.advance > 2);
    BOOST_TEST(space.top == space.ascent);
    BOOST_TEST(space.bottom == space.ascent);
    BOOST_TEST(space.right == space.advance);

    // A glyph hanging left of the origin widens the box to the left.
    const TextMetrics j = engine.measure("j", kDejaVu10);
    BOOST_TEST(j.left < 0);
}

BOOST_AUTO_TEST_CASE(empty_text_has_a_zero_box) {
    TextEngine engine;
    const TextMetrics m = engine.measure("", kDejaVu10);
    BOOST_TEST(m.advance == 0.0);
    BOOST_TEST(m.right == 0.0);
    BOOST_TEST(m.bottom == 0.0);
    BOOST_TEST(m.ascent > 9);
}

BOOST_AUTO_TEST_CASE(metrics_scale_linearly_with_size) {
    TextEngine engine;
    const TextMetrics small = engine.measure("conv2d_1", kDejaVu10);
    const TextMetrics large = engine.measure("conv2d_1", {"DejaVu Sans", 37.5});
    const auto tolerance = boost::test_tools::tolerance(1e-9);
    BOOST_TEST(large.advance == small.advance * 3.75, tolerance);
    BOOST_TEST(large.ascent == small.ascent * 3.75, tolerance);
    BOOST_TEST(large.top == small.top * 3.75, tolerance);
    BOOST_TEST(large.bottom == small.bottom * 3.75, tolerance);
    BOOST_TEST(large.right == small.right * 3.75, tolerance);
    // Not snapped to whole pixels.
    const TextMetrics odd = engine.measure("conv2d_1", {"DejaVu Sans", 10.3});
    BOOST_TEST(odd.advance == small.advance * 1.03, tolerance);
}

BOOST_AUTO_TEST_CASE(multibyte_utf8_is_measured) {
    TextEngine engine;
    const TextMetrics word = engine.measure("Ünïcødé", kDejaVu10);
    const TextMetrics plain = engine.measure("Unicode", kDejaVu10);
    BOOST_TEST(word.advance > 30);
    BOOST_TEST(word.top < plain.top);  // the diaeresis reaches higher than the capital
    const TextMetrics times = engine.measure("×", kDejaVu10);
    BOOST_TEST(times.advance > 5);
    BOOST_TEST(times.top > 2);  // ink exists, below the top of the capitals
    BOOST_TEST(times.top < times.bottom);
}

BOOST_AUTO_TEST_CASE(cache_returns_identical_results) {
    TextEngine engine;
    const TextMetrics first = engine.measure("conv2d_1", kDejaVu10);
    const TextMetrics other = engine.measure("dense", {"DejaVu Sans", 12});
    BOOST_TEST(same(engine.measure("conv2d_1", kDejaVu10), first));
    BOOST_TEST(same(engine.measure("dense", {"DejaVu Sans", 12}), other));
    TextEngine fresh;
    BOOST_TEST(same(fresh.measure("conv2d_1", kDejaVu10), first));
}

BOOST_AUTO_TEST_CASE(a_font_file_path_measures_like_its_family) {
    TextEngine engine;
    const std::string file = dejavu_file();
    const FontSpec by_path{file, 10};
    BOOST_TEST(same(engine.measure("conv2d_1", by_path), engine.measure("conv2d_1", kDejaVu10)));
    BOOST_TEST(engine.resolve(by_path).family == "DejaVu Sans");
    BOOST_TEST(engine.resolve(by_path).file == file);
}

BOOST_AUTO_TEST_CASE(missing_fonts_are_errors_that_name_them) {
    TextEngine engine;
    check_error_names([&] { engine.measure("x", {"NoSuchFont", 10}); }, "'NoSuchFont'");
    check_error_names([&] { engine.resolve({"NoSuchFont:bold", 10}); }, "'NoSuchFont'");
    check_error_names([&] { engine.measure("x", {"/no/such/font.ttf", 10}); }, "/no/such/font.ttf");
    check_error_names([&] { engine.measure("x", {"fonts/missing.otf", 10}); }, "fonts/missing.otf");
    // A file that is not a font.
    check_error_names(
        [&] {
            engine.measure("x", {STRATA_SOURCE_DIR "/CMakeLists.txt", 10});
        },
        "CMakeLists.txt");
}

BOOST_AUTO_TEST_CASE(bad_sizes_are_errors) {
    TextEngine engine;
    BOOST_CHECK_THROW(engine.measure("x", {"DejaVu Sans", 0}), strata::Error);
    BOOST_CHECK_THROW(engine.measure("x", {"DejaVu Sans", -3}), strata::Error);
    BOOST_CHECK_THROW(
        engine.measure("x", {"DejaVu Sans", std::numeric_limits<double>::quiet_NaN()}),
        strata::Error);
}

BOOST_AUTO_TEST_CASE(outline_of_a_is_closed_and_inside_the_ink_box) {
    TextEngine engine;
    const strata::TextPath path = engine.outline("A", kDejaVu10);
    BOOST_TEST_REQUIRE(path.size() >= 4u);
    BOOST_TEST((path.front().verb == strata::PathVerb::move));
    BOOST_TEST((path.back().verb == strata::PathVerb::close));

    int contours = 0;
    double min_x = 1e9, max_x = -1e9, min_y = 1e9, max_y = -1e9;
    for (const strata::PathCommand& command : path) {
        if (command.verb == strata::PathVerb::move) ++contours;
        const int points = command.verb == strata::PathVerb::close   ? 0
                           : command.verb == strata::PathVerb::quad  ? 2
                           : command.verb == strata::PathVerb::cubic ? 3
                                                                     : 1;
        for (int i = 0; i < points; ++i) {
            min_x = std::min(min_x, command.points[i].x);
            max_x = std::max(max_x, command.points[i].x);
            min_y = std::min(min_y, command.points[i].y);
            max_y = std::max(max_y, command.points[i].y);
        }
    }
    BOOST_TEST(contours >= 1);
    const TextMetrics m = engine.measure("A", kDejaVu10);
    const auto tolerance = boost::test_tools::tolerance(1e-9);
    // 'A' is made of straight lines, so its points span exactly the ink box.
    BOOST_TEST(min_y == m.top, tolerance);
    BOOST_TEST(max_y == m.bottom, tolerance);
    BOOST_TEST(min_x >= m.left - 1e-9);
    BOOST_TEST(max_x <= m.right + 1e-9);
    BOOST_TEST(max_x - min_x > 6);
}

BOOST_AUTO_TEST_CASE(outline_places_glyphs_at_their_shaped_positions) {
    TextEngine engine;
    const strata::TextPath a = engine.outline("A", kDejaVu10);
    const strata::TextPath aa = engine.outline("AA", kDejaVu10);
    BOOST_TEST_REQUIRE(aa.size() == 2 * a.size());
    // The second glyph starts where the pen stands after the first, kerning included.
    const double advance =
        engine.measure("AA", kDejaVu10).advance - engine.measure("A", kDejaVu10).advance;
    const strata::PathPoint first = a.front().points[0];
    const strata::PathPoint second = aa[a.size()].points[0];
    BOOST_TEST(second.x == first.x + advance, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(second.y == first.y, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(engine.outline(" ", kDejaVu10).empty());
}

BOOST_AUTO_TEST_CASE(shaped_glyphs_end_where_the_measured_advance_ends) {
    TextEngine engine;
    for (const std::string text : {"Conv2D", "AVAVA", "block1_conv1", "224 x 224 x 64"}) {
        const std::vector<strata::Glyph> glyphs = engine.shape(text, kDejaVu10);
        BOOST_TEST_REQUIRE(glyphs.size() == text.size(), text);  // one glyph per letter here
        // The last glyph's own advance is that of its letter alone: kerning moves glyphs,
        // it does not change the advance of the last one.
        const double last_advance = engine.measure(text.substr(text.size() - 1), kDejaVu10).advance;
        const double advance = engine.measure(text, kDejaVu10).advance;
        BOOST_TEST(std::abs(glyphs.back().x + last_advance - advance) < 1e-9, text);
        BOOST_TEST(glyphs.front().x == 0.0);
        for (const strata::Glyph& glyph : glyphs) BOOST_TEST(glyph.y == 0.0);
    }
}

BOOST_AUTO_TEST_CASE(shaped_glyphs_carry_kerning_and_scale_with_the_size) {
    TextEngine engine;
    const std::vector<strata::Glyph> av = engine.shape("AV", kDejaVu10);
    BOOST_TEST_REQUIRE(av.size() == 2u);
    // DejaVu Sans kerns "AV": V starts before the advance of A.
    BOOST_TEST(av[1].x < engine.measure("A", kDejaVu10).advance);
    const std::vector<strata::Glyph> big = engine.shape("AV", {"DejaVu Sans", 20});
    BOOST_TEST(big[1].x == 2 * av[1].x);
    BOOST_TEST(big[0].id == av[0].id);
    BOOST_TEST(av[0].id != av[1].id);
    BOOST_TEST(av[0].id != 0u);  // not .notdef
    BOOST_TEST(engine.shape("", kDejaVu10).empty());
}

BOOST_AUTO_TEST_SUITE_END()
