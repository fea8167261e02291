// A functional figure that cannot be fitted to the width says why and what would help: a
// chain too long to wrap into rows is not blamed on its captions.

#include <boost/test/unit_test.hpp>

#include <string>

#include "strata/import.hpp"
#include "strata/layout.hpp"
#include "strata/option_table.hpp"

using namespace strata;

namespace {

// The warnings about the width for deep.1000 (a chain of 1000 layers) at `width` with names
// under the boxes.
std::string width_warnings(const std::string& width, const std::string& level) {
    Warnings warnings;
    const Model model =
        load_model(std::string(STRATA_CORPUS_DIR) + "/generated/deep.1000.json", warnings);
    Options o;
    set_option(o, "view", "functional", "--view");
    set_option(o, "text_callable", "name", "--text-callable");
    set_option(o, "level", level, "--level");
    o.width = width;
    warnings.clear();
    (void)layout_layered(model, o, warnings);
    std::string text;
    for (const Warning& w : warnings)
        if (w.where == "width") text += w.message + "\n";
    return text;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(functional_too_wide)

BOOST_AUTO_TEST_CASE(rows_given_up_as_too_tall_are_named_as_the_reason) {
    const std::string text = width_warnings("3cm", "auto");
    BOOST_TEST(has(text, "the functional view's figure stays "), text);
    BOOST_TEST(has(text,
                   " wide, wider than 3cm: its captions need the columns wrapped into rows, "
                   "and those rows would be "),
               text);
    BOOST_TEST(has(text,
                   " tall, more than an output can hold (20000 px), so it stays one row "
                   "(give a wider width, or fewer boxes: type_ignore, collapse_rules)"),
               text);
    // One line, and no advice to choose a level: at level auto a chain has no blocks to draw.
    BOOST_TEST(text.find('\n') == text.size() - 1, text);
    BOOST_TEST(!has(text, "--level auto"), text);
    BOOST_TEST(!has(text, "side by side"), text);
}

BOOST_AUTO_TEST_SUITE_END()
