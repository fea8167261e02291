#include <boost/test/unit_test.hpp>

#include "strata/error.hpp"
#include "text/fixed_metrics.hpp"
#include "text/pillow_default_font.hpp"

BOOST_AUTO_TEST_SUITE(fixed_metrics)

BOOST_AUTO_TEST_CASE(answers_from_its_table) {
    strata::TextMetrics conv{0, 4, 23, 10, 22, 10, 3};
    strata::FixedMetrics metrics({{"conv", conv}}, {"Aileron", "aileron.ttf"});
    const strata::TextMetrics m = metrics.measure("conv", {"whatever", 10});
    BOOST_TEST(m.left == 0.0);
    BOOST_TEST(m.top == 4.0);
    BOOST_TEST(m.right == 23.0);
    BOOST_TEST(m.bottom == 10.0);
    BOOST_TEST(m.advance == 22.0);
    BOOST_TEST(m.ascent == 10.0);
    BOOST_TEST(m.descent == 3.0);
    BOOST_TEST(metrics.resolve({"whatever", 10}).family == "Aileron");
    BOOST_TEST(metrics.resolve({"whatever", 10}).file == "aileron.ttf");
}

BOOST_AUTO_TEST_CASE(unknown_text_is_an_error_naming_it) {
    strata::FixedMetrics metrics({}, {"Aileron", ""});
    try {
        metrics.measure("dense_7", {"", 10});
        BOOST_ERROR("no error");
    } catch (const strata::Error& error) {
        BOOST_TEST(error.message().find("dense_7") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(pillow_default_font_table_has_visualkeras_numbers) {
    strata::FixedMetrics metrics = strata::pillow_default_font_metrics();
    const strata::TextMetrics pool = metrics.measure("pool", {});
    BOOST_TEST(pool.top == 2.0);
    BOOST_TEST(pool.right == 19.0);
    BOOST_TEST(pool.bottom == 12.0);
    BOOST_TEST(pool.advance == 19.0);
    BOOST_TEST(pool.ascent == 10.0);
    BOOST_TEST(pool.descent == 3.0);
    const strata::TextMetrics max = metrics.measure("MaxPooling2D(['6', '6', '4'])", {});
    BOOST_TEST(max.top == 1.0);
    BOOST_TEST(max.right == 112.0);
    BOOST_TEST(max.bottom == 12.0);
    BOOST_CHECK_THROW(metrics.measure("Dense", {}), strata::Error);
}

BOOST_AUTO_TEST_SUITE_END()
