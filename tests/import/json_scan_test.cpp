#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "import/json_scan.hpp"

namespace json_scan = strata::json_scan;

BOOST_AUTO_TEST_SUITE(import_json_scan)

// The one-pass check must give each answer the separate checks give, on texts where the
// walk could go wrong: escapes, brackets and separators inside strings, unterminated strings,
// a text that is one string.
BOOST_AUTO_TEST_CASE(one_pass_agrees_with_each_check) {
    const std::vector<std::string> texts = {
        R"({"a": [1, 2, {"b": [[3]]}], "c": "x"})",
        R"([[[[[1]]]]])",
        R"({"k": "[[[[[[[[", "v": [1,2,3,4,5,6,7,8]})",
        R"({"k": "a\"[[[[[[[[\\", "l": [[[[[[0]]]]]]})",
        R"(  "a string that is the whole text, [[[[[[[[ , , , ")",
        R"({"long": "0123456789abcdef", "short": "ab"})",
        R"({"esc": "\\\\\\\\\\\\\\\\\\\\", "u": "\u0041\u0042"})",
        R"({"open": "never closed [[[[[[[[[)",
        R"({"open": "never closed \)",
        R"(]]]][[[[[[[[[[)",
        R"({"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7})",
        R"("")",
        R"({"":""})",
    };
    for (const std::string& text : texts) {
        for (std::size_t depth : {2, 4, 8}) {
            for (std::size_t values : {3, 8, 100}) {
                for (std::size_t bytes : {2, 10, 1000}) {
                    const auto found = json_scan::find_excess(text, depth, values, bytes, 20);
                    const auto nesting = json_scan::find_excess_nesting(text, depth);
                    BOOST_TEST_CONTEXT(text << " depth " << depth << " values " << values
                                            << " bytes " << bytes) {
                        BOOST_TEST((found.nesting == nesting));
                        if (nesting) continue;  // the others are not needed then
                        BOOST_TEST((found.values == json_scan::find_excess_values(text, values)));
                        BOOST_TEST(
                            (found.long_string == json_scan::find_long_string(text, bytes, 20)));
                    }
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(one_pass_finds_each_excess) {
    const auto found = json_scan::find_excess(R"({"s": "abcdef", "l": [[1], 2, 3]})", 3, 5, 4, 4);
    BOOST_TEST(!found.nesting.has_value());
    BOOST_REQUIRE(found.values.has_value());
    BOOST_TEST(*found.values == 21u);  // the first [ of the list, value number 6
    BOOST_REQUIRE(found.long_string.has_value());
    BOOST_TEST(*found.long_string == 6u);
}

BOOST_AUTO_TEST_SUITE_END()
