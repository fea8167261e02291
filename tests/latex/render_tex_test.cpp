#include <boost/test/unit_test.hpp>

#include <fstream>
#include <string>

#include "cli/run_tool.hpp"
#include "latex/latex_support.hpp"

using namespace strata::test;

namespace {

const std::string kVgg16 = shell_quote(std::string(STRATA_SOURCE_DIR) + "/examples/vgg16.json");

}  // namespace

BOOST_AUTO_TEST_SUITE(render_command)

BOOST_AUTO_TEST_CASE(a_tex_file_name_gives_a_picture_in_latin_modern) {
    const auto dir = scratch_dir("tex-picture");
    const ToolResult r =
        run_strata("render " + kVgg16 + " --text-callable name --document-font-size 9 -o " +
                       shell_quote((dir / "fig.tex").string()),
                   dir);
    BOOST_TEST(r.status == 0, r.err);
    const std::string tex = read_text(dir / "fig.tex");
    BOOST_TEST(tex.find("\\begin{pgfpicture}") != std::string::npos);
    BOOST_TEST(tex.find("\\documentclass") == std::string::npos);
    // 9 pt captions: the layout measured them at 9 pt, in LM Roman 9.
    BOOST_TEST(tex.find("\\fontsize{9}{10.8}") != std::string::npos);
    BOOST_TEST(tex.find("block1\\_conv1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_document_sets_the_text_unless_a_flag_says_otherwise) {
    const auto dir = scratch_dir("tex-document-font");
    { std::ofstream(dir / "fig.yaml") << "font: DejaVu Serif\nfont_size: 14\n"; }
    const std::string base = "render " + kVgg16 + " --text-callable name --document-font-size 9 " +
                             "--options " + shell_quote((dir / "fig.yaml").string()) + " -o " +
                             shell_quote((dir / "fig.tex").string());
    ToolResult r = run_strata(base, dir);
    BOOST_TEST(r.status == 0, r.err);
    // The option file's font and size would measure the labels in another font than LaTeX
    // sets them in: the document's 9 pt wins, and the user is told.
    BOOST_TEST(read_text(dir / "fig.tex").find("\\fontsize{9}{10.8}") != std::string::npos);
    BOOST_TEST(r.err.find("fig.yaml: font 'DejaVu Serif' is not used") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("fig.yaml: font_size is not used") != std::string::npos, r.err);
    // A flag is the user's explicit choice for this figure: 12 px = 9.034 pt.
    r = run_strata(base + " --font-size 12", dir);
    BOOST_TEST(r.status == 0, r.err);
    BOOST_TEST(read_text(dir / "fig.tex").find("\\fontsize{9.034}") != std::string::npos);
    BOOST_TEST(r.err.find("font_size is not used") == std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(width_scales_the_picture_to_the_width) {
    const auto dir = scratch_dir("tex-width");
    const ToolResult r =
        run_strata("render " + kVgg16 + " --standalone --width 6in --text-callable type -o " +
                       shell_quote((dir / "fig.tex").string()),
                   dir);
    BOOST_TEST(r.status == 0, r.err);
    const std::string tex = read_text(dir / "fig.tex");
    BOOST_TEST(tex.rfind("\\documentclass", 0) == 0);
    // 6 in = 432 bp, the width of the bounding box, or grown as far as 0.6 of it (259.2 bp)
    // allows the height, captions' lines included.
    BOOST_TEST((tex.find("{\\pgfqpoint{432\\strataunit}{") != std::string::npos ||
                tex.find("\\strataunit}{259.2\\strataunit}") != std::string::npos));
    BOOST_TEST(tex.find("\\fontsize{10}{12}") != std::string::npos);  // captions at 10 pt
}

// A figure the layout left narrower than the width grows towards it only as far as keeps it
// no taller than 0.6 of the width, as the fitting keeps every figure that can be: VGG16 in
// 3 in stops at 129.6 bp tall, short of 216 bp wide.
BOOST_AUTO_TEST_CASE(growing_to_the_width_stops_at_the_height_the_fitting_allows) {
    const auto dir = scratch_dir("tex-width-height");
    const ToolResult r = run_strata("render " + kVgg16 + " --standalone --width 3in -o " +
                                        shell_quote((dir / "fig.tex").string()),
                                    dir);
    BOOST_TEST(r.status == 0, r.err);
    const std::string tex = read_text(dir / "fig.tex");
    const std::string corner = "\\pgfpathrectanglecorners{\\pgfpointorigin}{\\pgfqpoint{";
    const std::size_t at = tex.find(corner);
    BOOST_REQUIRE(at != std::string::npos);
    const double width = std::atof(tex.c_str() + at + corner.size());
    const std::size_t height_at = tex.find("}{", at + corner.size());
    BOOST_REQUIRE(height_at != std::string::npos);
    const double height = std::atof(tex.c_str() + height_at + 2);
    BOOST_TEST(width < 216.0);
    BOOST_TEST(width > 150.0);
    BOOST_TEST(height == 129.6, boost::test_tools::tolerance(0.01));
}

BOOST_AUTO_TEST_CASE(tex_flags_need_tex_output_and_a_valid_width) {
    const auto dir = scratch_dir("tex-flags");
    ToolResult r = run_strata("render " + kVgg16 + " -o x.svg --standalone", dir);
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err.find("apply to .tex output") != std::string::npos, r.err);
    r = run_strata("render " + kVgg16 + " -o x.tex --width 3furlongs", dir);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.err.find("expected a positive length") != std::string::npos, r.err);
    r = run_strata("render " + kVgg16 + " -o x.tex --document-font-family gothic", dir);
    BOOST_TEST(r.status == 2);
}

BOOST_AUTO_TEST_CASE(frames_writes_one_svg_per_layer) {
    const auto dir = scratch_dir("tex-frames");
    const ToolResult r =
        run_strata("render " + kVgg16 + " --frames " + shell_quote((dir / "steps").string()), dir);
    BOOST_TEST(r.status == 0, r.err);
    // VGG16 has 23 layers: 23 steps.
    BOOST_TEST(fs::exists(dir / "steps" / "step-23.svg"));
    BOOST_TEST(!fs::exists(dir / "steps" / "step-24.svg"));
    const std::string first = read_text(dir / "steps" / "step-01.svg");
    const std::string last = read_text(dir / "steps" / "step-23.svg");
    BOOST_TEST(first.find("id=\"block1_conv1\"") == std::string::npos);
    BOOST_TEST(last.find("id=\"block1_conv1\"") != std::string::npos);
    BOOST_TEST(last.find("id=\"predictions\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(svg_output_is_unchanged_by_the_tex_options) {
    const auto dir = scratch_dir("tex-svg-same");
    const ToolResult a = run_strata("render " + kVgg16 + " -o - --format svg", dir);
    const ToolResult b = run_strata(
        "render " + kVgg16 + " -o - --format svg --frames " + shell_quote((dir / "f").string()),
        dir);
    BOOST_TEST(a.status == 0);
    BOOST_TEST(a.out == b.out);
    BOOST_TEST(a.out.find("font-family") == std::string::npos);  // no captions by default
}

BOOST_AUTO_TEST_SUITE_END()
