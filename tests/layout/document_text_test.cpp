// The document's font and size for a figure LaTeX sets (with_document_text).
#include <boost/test/unit_test.hpp>

#include "strata/layout.hpp"

using namespace strata;

BOOST_AUTO_TEST_SUITE(document_text)

BOOST_AUTO_TEST_CASE(the_document_sets_the_text_and_a_foreign_font_is_reported) {
    const LatexDocument document{9, true};
    Options from_file;
    from_file.font = "DejaVu Serif";
    from_file.font_size = 14;
    Warnings warnings;
    const Options o = with_document_text(from_file, document, {}, Options{}, "fig.yaml", warnings);
    BOOST_TEST(o.font == latex_defaults(Options{}, document).font);
    BOOST_TEST(o.font.rfind("LM Sans", 0) == 0u);
    BOOST_TEST(o.font_size == latex_defaults(Options{}, document).font_size);
    BOOST_TEST_REQUIRE(warnings.size() == 2u);
    BOOST_TEST(warnings[0].where == "fig.yaml");
    BOOST_TEST(warnings[0].message.find("font 'DejaVu Serif' is not used") == 0u);
    BOOST_TEST(warnings[1].message.find("font_size is not used") == 0u);
}

BOOST_AUTO_TEST_CASE(a_preset_s_text_gives_way_silently_and_a_chosen_one_stays) {
    const LatexDocument document{10, false};
    Options preset;
    preset.font_size = 22;
    Warnings warnings;
    Options o = with_document_text(preset, document, {}, preset, "model.json", warnings);
    BOOST_TEST(warnings.empty());
    BOOST_TEST(o.font_size == latex_defaults(Options{}, document).font_size);
    // A flag is the user's choice for this figure: neither replaced nor reported.
    o = with_document_text(preset, document, {true, true}, Options{}, "model.json", warnings);
    BOOST_TEST(warnings.empty());
    BOOST_TEST(o.font_size == 22);
    BOOST_TEST(o.font == Options{}.font);
}

BOOST_AUTO_TEST_SUITE_END()
