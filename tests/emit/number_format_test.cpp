#include <cmath>
#include <limits>

#include <boost/test/unit_test.hpp>

#include "emit/number_format.hpp"
#include "strata/error.hpp"

using strata::emit::format_number;
using strata::emit::round_number;

BOOST_AUTO_TEST_SUITE(number_format)

BOOST_AUTO_TEST_CASE(integers_have_no_fraction) {
    BOOST_TEST(format_number(1.0) == "1");
    BOOST_TEST(format_number(0.0) == "0");
    BOOST_TEST(format_number(-42.0) == "-42");
    BOOST_TEST(format_number(1.0004) == "1");
}

BOOST_AUTO_TEST_CASE(fractions_round_to_three_decimals_without_trailing_zeros) {
    BOOST_TEST(format_number(2.3333333) == "2.333");
    BOOST_TEST(format_number(6.6666667) == "6.667");
    BOOST_TEST(format_number(0.5) == "0.5");
    BOOST_TEST(format_number(-0.25) == "-0.25");
    BOOST_TEST(format_number(12.0996) == "12.1");
}

BOOST_AUTO_TEST_CASE(never_minus_zero) {
    BOOST_TEST(format_number(-0.0001) == "0");
    BOOST_TEST(format_number(-0.0) == "0");
    BOOST_TEST(format_number(-0.0004999) == "0");
}

BOOST_AUTO_TEST_CASE(never_exponent_notation) {
    BOOST_TEST(format_number(1e20) == "100000000000000000000");
    BOOST_TEST(format_number(1e-7) == "0");
    BOOST_TEST(format_number(-1.5e-3) == "-0.002");
}

BOOST_AUTO_TEST_CASE(non_finite_is_an_error) {
    BOOST_CHECK_THROW(format_number(std::numeric_limits<double>::quiet_NaN()), strata::Error);
    BOOST_CHECK_THROW(format_number(std::numeric_limits<double>::infinity()), strata::Error);
    BOOST_CHECK_THROW(format_number(-std::numeric_limits<double>::infinity()), strata::Error);
}

BOOST_AUTO_TEST_CASE(round_number_matches_the_text) {
    BOOST_TEST(round_number(2.3333333) == 2.333);
    BOOST_TEST(round_number(-0.0001) == 0.0);
    BOOST_TEST(!std::signbit(round_number(-0.0001)));
}

BOOST_AUTO_TEST_SUITE_END()
