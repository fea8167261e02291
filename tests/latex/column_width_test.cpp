// A figure in a two-column paper's column (241 pt) is exactly as wide as the column, never
// wider, whatever the document's size and the figure's text size: also a model whose
// captions fit only in a smaller Latin Modern design than the one they were first measured
// in (text LaTeX sets at 6 pt comes in lmr6, wider than lmr8 scaled down). Its text then
// goes no smaller than that design reaches (5.5 pt), not down into lmr5 with the whole
// figure drawn smaller.

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "latex/latex_support.hpp"

using namespace strata::test;

namespace {

const fs::path kCorpus = STRATA_CORPUS_DIR;

// The text CNN whose captions need the room: two branches of convolutions side by side.
const char* const kModel = "keras/tfjs_conv1d_multibranch_sqli.json";

// A two-column document of `size` (extarticle for 9pt) with a 241 pt column; each of `figures`
// is typeset in box 0 and its width written to the log as "WIDTH=w,column".
std::string document(const std::string& size, const std::vector<std::string>& figures) {
    std::ostringstream tex;
    tex << "\\documentclass[twocolumn," << size << "]{"
        << (size == "9pt" ? "extarticle" : "article")
        << "}\n\\usepackage[T1]{fontenc}\\usepackage{lmodern}\n"
           "\\usepackage[textwidth=506pt,columnsep=24pt]{geometry}\n\\usepackage{strata}\n"
           "\\strataset{program="
        << STRATA_CLI_PATH << "}\n\\begin{document}\nText.\n";
    for (const std::string& figure : figures) {
        tex << "\\begin{figure}\\centering\\sbox0{" << figure
            << "}\\typeout{WIDTH=\\the\\wd0,\\the\\linewidth}\\usebox0\\caption{A.}\\end{figure}\n";
    }
    tex << "\\end{document}\n";
    return tex.str();
}

// The widths the log reports, each with its column's: {figure, column} in pt.
std::vector<std::pair<double, double>> widths_in(const std::string& log) {
    std::vector<std::pair<double, double>> widths;
    for (std::size_t at = log.find("WIDTH="); at != std::string::npos;
         at = log.find("WIDTH=", at + 1)) {
        const double width = std::atof(log.c_str() + at + 6);
        const double column = std::atof(log.c_str() + log.find(',', at) + 1);
        widths.emplace_back(width, column);
    }
    return widths;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(column_width)

BOOST_AUTO_TEST_CASE(a_column_figure_is_never_wider_than_the_column) {
    if (!have_tex("pdflatex")) return;
    const bool extarticle = !output_of("kpsewhich extarticle.cls").empty();
    for (const std::string size : {"9pt", "10pt", "11pt"}) {
        if (size == "9pt" && !extarticle) continue;
        BOOST_TEST_CONTEXT(size) {
            ScratchDir scratch("column-width-" + size);
            fs::copy_file(kCorpus / kModel, scratch.path / "model.json");
            std::vector<std::string> figures;
            for (const char* text : {"scriptsize", "footnotesize", "small", "normalsize"}) {
                figures.push_back(std::string("\\strataFigure[legend, text size=\\") + text +
                                  ", text-callable=name]{model.json}");
            }
            // Without a height nothing else keeps the figure narrow.
            figures.push_back(
                "\\strataFigure[legend, text size=\\footnotesize, text-callable=name, "
                "height={}]{model.json}");
            write_file(scratch.path / "doc.tex", document(size, figures));
            BOOST_REQUIRE(run_tex("pdflatex", scratch.path, "doc.tex", true));
            const std::string log = read_file(scratch.path / "doc.log");
            const auto widths = widths_in(log);
            BOOST_TEST(widths.size() == figures.size());
            for (const auto& [width, column] : widths) {
                BOOST_TEST(column == 241.0, boost::test_tools::tolerance(0.001));
                BOOST_TEST(width <= column + 0.01, width << " pt in a " << column << " pt column");
            }
            BOOST_TEST(count_of(log, "Overfull \\hbox") == 0u);
            // No text below the smallest size of lmr6: the figures were not drawn smaller.
            const std::string fonts = output_of("pdffonts " + quoted(scratch.path / "doc.pdf"));
            BOOST_TEST(fonts.find("LMRoman6") != std::string::npos, fonts);
            BOOST_TEST(fonts.find("LMRoman5") == std::string::npos, fonts);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
