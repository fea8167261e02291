// A width gives the same warnings whichever output is asked for: the fitting is one decision,
// made before the output format matters.

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "cli/run_tool.hpp"

using namespace strata::test;

BOOST_AUTO_TEST_SUITE(fitted_width)

// DenseNet in a 241 pt column cannot be made that narrow with legible text: every output says
// so, the LaTeX one too, and none of them falls back to a figure of another shape.
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
        "smaller than min_font_size\n";
    for (const std::string& output : outputs) {
        BOOST_TEST_CONTEXT(output) {
            const ToolResult r =
                run_strata("render " + corpus("onnx/densenet121.onnx") + " --width 241pt -o " +
                               shell_quote((dir / output).string()),
                           dir);
            BOOST_TEST(r.status == 0);
            BOOST_TEST(r.err == expected);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
