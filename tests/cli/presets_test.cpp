// Presets as users meet them: an option file dumped from a preset draws the preset's figure,
// for every output, and a preset's text gives way to a LaTeX document without a warning.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <string>

#include "run_tool.hpp"

using namespace strata::test;

namespace {

// The bytes `render` writes to `out` for vgg16 with `args`, and its messages.
struct Drawn {
    std::string bytes, err;
};

Drawn draw(const std::filesystem::path& dir, const std::string& out, const std::string& args) {
    const ToolResult r = run_strata(
        "render " + example("vgg16.json") + " -o " + shell_quote((dir / out).string()) + " " + args,
        dir);
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    return {read_text(dir / out), r.err};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(presets)

BOOST_AUTO_TEST_CASE(a_dumped_preset_draws_the_preset_s_figure_also_for_latex) {
    for (const std::string preset : {"compact", "presentation", "paper", "slides"}) {
        BOOST_TEST_CONTEXT(preset) {
            const auto dir = scratch_dir("preset-dump-" + preset);
            const ToolResult dumped = run_strata("options --preset " + preset, dir);
            BOOST_TEST_REQUIRE(dumped.status == 0, dumped.err);
            BOOST_TEST(dumped.out.find("{}") == std::string::npos, dumped.out);
            { std::ofstream(dir / "f.yaml") << dumped.out; }
            const std::string file = "--options " + shell_quote((dir / "f.yaml").string());
            for (const std::string out : {"fig.svg", "fig.tex"}) {
                BOOST_TEST_CONTEXT(out) {
                    const Drawn from_preset = draw(dir, out, "--preset " + preset);
                    const Drawn from_file = draw(dir, out, file);
                    BOOST_TEST((from_file.bytes == from_preset.bytes));
                    // The preset's text was made knowing a document sets its own: no warning
                    // (the level auto chose is a note).
                    BOOST_TEST(from_preset.err.find("warning") == std::string::npos,
                               from_preset.err);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(paper_is_a_column_figure_and_slides_a_16_9_slide) {
    const auto dir = scratch_dir("preset-sizes");
    const auto width_of = [](const std::string& svg) {
        const std::size_t at = svg.find(" width=\"");
        return std::stod(svg.substr(at + 8));
    };
    const auto height_of = [](const std::string& svg) {
        const std::size_t at = svg.find(" height=\"");
        return std::stod(svg.substr(at + 9));
    };
    // 8.5 cm = 321.26 px at most, and no taller than 20 cm = 755.9 px (a page's text block,
    // with room for the caption). VGG16 fits the column as layers, no taller than wide: the
    // figure takes the column's width (its blocks would draw it narrower, and no shorter).
    const std::string paper = draw(dir, "paper.svg", "--preset paper").bytes;
    BOOST_TEST(width_of(paper) <= 321.3);
    BOOST_TEST(width_of(paper) >= 0.85 * 321.3);
    BOOST_TEST(height_of(paper) <= 321.3);
    BOOST_TEST(paper.find("font-size=\"10\"") != std::string::npos);
    BOOST_TEST(paper.find("data-role=\"legend\"") != std::string::npos);
    const std::string slides = draw(dir, "slides.svg", "--preset slides").bytes;
    BOOST_TEST(width_of(slides) <= 1280);
    BOOST_TEST(height_of(slides) <= 720);
    BOOST_TEST(slides.find("font-size=\"22\"") != std::string::npos);
    BOOST_TEST(slides.find("font-family=\"DejaVu Sans\"") != std::string::npos);
    BOOST_TEST(slides.find("data-role=\"legend\"") != std::string::npos);
    // In a .tex figure the document's size governs: 10 pt, not the preset's 22 px.
    const std::string tex = draw(dir, "slides.tex", "--preset slides").bytes;
    BOOST_TEST(tex.find("\\fontsize{10}{12}") != std::string::npos);
}

// An option file that names a preset acts as the flag: the same figure, and for a .tex figure
// the preset's text gives way to the document's without a warning.
BOOST_AUTO_TEST_CASE(an_option_file_naming_a_preset_acts_as_the_flag) {
    for (const std::string preset : {"paper", "slides"}) {
        BOOST_TEST_CONTEXT(preset) {
            const auto dir = scratch_dir("preset-key-" + preset);
            { std::ofstream(dir / "f.yaml") << "preset: " << preset << "\n"; }
            const std::string file = "--options " + shell_quote((dir / "f.yaml").string());
            for (const std::string out : {"fig.svg", "fig.tex"}) {
                BOOST_TEST_CONTEXT(out) {
                    const Drawn from_flag = draw(dir, out, "--preset " + preset);
                    const Drawn from_file = draw(dir, out, file);
                    BOOST_TEST((from_file.bytes == from_flag.bytes));
                    BOOST_TEST(from_file.err.find("warning") == std::string::npos, from_file.err);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
