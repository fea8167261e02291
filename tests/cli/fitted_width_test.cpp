// A width gives the same warnings whichever output is asked for: the fitting is one decision,
// made before the output format matters.

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "cli/run_tool.hpp"

using namespace strata::test;

BOOST_AUTO_TEST_SUITE(fitted_width)

// DenseNet drawn layer by layer in a 241 pt column cannot be made that narrow with legible
// text: every output says so, the LaTeX one too, and none of them falls back to a figure of
// another shape; the LaTeX one is then drawn smaller, so as not to overfill the column.
BOOST_AUTO_TEST_CASE(every_output_warns_when_text_keeps_a_figure_wider_than_the_width) {
    if (!STRATA_WITH_ONNX) return;
    const auto dir = scratch_dir("fitted-width");
    std::vector<std::string> outputs = {"figure.svg", "figure.json", "figure.tex"};
    if (STRATA_WITH_CAIRO) {
        outputs.push_back("figure.png");
        outputs.push_back("figure.pdf");
    }
    const std::string expected =
        "strata: warning: width: the figure cannot be made as narrow as 241pt without text "
        "smaller than min_font_size: give a wider width, a coarser level (block or stage) or "
        "fewer captions\n";
    for (const std::string& output : outputs) {
        BOOST_TEST_CONTEXT(output) {
            const ToolResult r = run_strata("render " + corpus("onnx/densenet121.onnx") +
                                                " --level layer --width 241pt -o " +
                                                shell_quote((dir / output).string()),
                                            dir);
            BOOST_TEST(r.status == 0);
            // A LaTeX figure must not overfill its column: it is also drawn smaller to fit.
            const std::string drawn_smaller =
                output == "figure.tex" ? "strata: warning: width: the figure's text keeps it "
                                         "wider than 241pt: it is drawn at "
                                       : "";
            BOOST_TEST(r.err.substr(0, expected.size()) == expected);
            BOOST_TEST(r.err.substr(expected.size(), drawn_smaller.size()) == drawn_smaller);
            if (drawn_smaller.empty()) BOOST_TEST(r.err == expected);
        }
    }
}

// At the default level, auto, every output draws the level that fits and names it in a note;
// the level drawn without a width, or asked for, goes without saying. The outputs set in one
// font agree; a .tex figure is measured in the document's font and may choose another level.
BOOST_AUTO_TEST_CASE(every_output_notes_the_level_auto_chose) {
    if (!STRATA_WITH_ONNX) return;
    const auto dir = scratch_dir("auto-level-note");
    std::vector<std::string> outputs = {"figure.svg", "figure.json", "figure.tex"};
    if (STRATA_WITH_CAIRO) {
        outputs.push_back("figure.png");
        outputs.push_back("figure.pdf");
    }
    const std::string model = corpus("onnx/densenet121.onnx");
    const std::string note =
        "strata: note: " + std::string(STRATA_CORPUS_DIR) + "/onnx/densenet121.onnx: one box per ";
    const std::string width = " (level auto at the width 241pt)\n";
    // Its dense layers fit a column with each dense block's run drawn once.
    const std::string expected = note + "layer" + width;
    for (const std::string& output : outputs) {
        BOOST_TEST_CONTEXT(output) {
            const ToolResult r = run_strata(
                "render " + model + " --width 241pt -o " + shell_quote((dir / output).string()),
                dir);
            BOOST_TEST(r.status == 0);
            if (output == "figure.tex") {
                BOOST_TEST((r.err == note + "stage" + width || r.err == expected), r.err);
            } else {
                BOOST_TEST(r.err == expected);
            }
        }
    }
    const std::string svg = shell_quote((dir / "plain.svg").string());
    const ToolResult plain = run_strata("render " + model + " -o " + svg, dir);
    BOOST_TEST(plain.status == 0);
    BOOST_TEST(plain.err == "");
    const ToolResult asked =
        run_strata("render " + model + " --level stage --width 241pt -o " + svg, dir);
    BOOST_TEST(asked.status == 0);
    BOOST_TEST(asked.err == "");
}

// A mesh of crossing Adds is some thirteen times wider than 2 cm at its smallest boxes, far
// more than smaller text and captions in turn could mend: it is drawn at once, with one
// warning naming the width asked for, the width drawn and what helps.
BOOST_AUTO_TEST_CASE(a_figure_no_narrowing_can_fit_is_given_up_with_one_warning) {
    const auto dir = scratch_dir("hopeless-width");
    std::ofstream spec(dir / "mesh.yaml");
    spec << "strata: 1\nmodel: mesh\nlayers:\n  - {name: in, type: InputLayer, shape: [null, 8]}\n";
    for (int w = 0; w < 40; ++w)
        spec << "  - {name: r0w" << w << ", type: Dense, inputs: [in], config: {units: 8}}\n";
    for (int r = 1; r <= 2; ++r)
        for (int w = 0; w < 40; ++w)
            spec << "  - {name: r" << r << "w" << w << ", type: Add, inputs: [r" << r - 1 << "w"
                 << (w * 13 + 7) % 40 << ", r" << r - 1 << "w" << (w * 29 + r * 11) % 40 << "]}\n";
    spec.close();
    const ToolResult r =
        run_strata("render " + shell_quote((dir / "mesh.yaml").string()) +
                       " --level layer --width 2cm -o " + shell_quote((dir / "mesh.svg").string()),
                   dir);
    BOOST_TEST(r.status == 0);
    const std::string start =
        "strata: warning: width: the figure cannot be made as narrow as 2cm (76 px): at its "
        "smallest boxes it is ";
    BOOST_TEST(r.err.rfind(start, 0) == 0u, r.err);
    BOOST_TEST(r.err.find(" px wide, and is drawn so; give a coarser level (block or stage), "
                          "collapse similar blocks or a far larger width\n") != std::string::npos,
               r.err);
    BOOST_TEST(r.err.find('\n') == r.err.size() - 1, r.err);  // one line, one warning
}

BOOST_AUTO_TEST_SUITE_END()
