// A warning that recurs is shown three times and then counted: 10 000 groups that say the
// same thing are four lines, not 10 000.

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <string>

#include "cli/run_tool.hpp"
#include "strata/warning_summary.hpp"

using namespace strata;
using namespace strata::test;

BOOST_AUTO_TEST_SUITE(repeated_warnings)

BOOST_AUTO_TEST_CASE(a_recurring_message_is_counted_after_three) {
    Warnings warnings;
    for (int i = 0; i < 10; ++i)
        warnings.push_back({"g" + std::to_string(i), "'n" + std::to_string(i) + "' holds nothing"});
    warnings.push_back({"width", "too narrow"});
    warnings.push_back({"g10", "'x' holds nothing", "l"});
    const Warnings shown = with_repeats_counted(warnings);
    BOOST_TEST_REQUIRE(shown.size() == 5u);
    BOOST_TEST(shown[0].where == "g0");
    BOOST_TEST(shown[2].where == "g2");
    BOOST_TEST(shown[3].message == "8 more warnings like the one above");
    BOOST_TEST(shown[4].message == "too narrow");
    // Three or fewer stay as they are.
    const Warnings few(3, Warning{"a", "same"});
    BOOST_TEST(with_repeats_counted(few).size() == 3u);
}

BOOST_AUTO_TEST_CASE(the_tool_prints_a_recurring_warning_three_times_and_a_count) {
    const auto dir = scratch_dir("repeated-warnings");
    std::string groups = "layered_groups:\n";
    for (int i = 0; i < 50; ++i)
        groups +=
            "  - {name: G" + std::to_string(i) + ", layers: [nosuch" + std::to_string(i) + "]}\n";
    std::ofstream(dir / "groups.yaml") << groups;
    const ToolResult r = run_strata("render " + corpus("generated/vgg16.json") + " --options " +
                                        shell_quote((dir / "groups.yaml").string()) + " -o " +
                                        shell_quote((dir / "f.svg").string()),
                                    dir);
    BOOST_TEST(r.status == 0, r.err);
    std::size_t lines = 0;
    for (const char c : r.err) lines += c == '\n';
    BOOST_TEST(lines <= 8u, r.err);
    BOOST_TEST(r.err.find(" more warnings like the one above\n") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_SUITE_END()
