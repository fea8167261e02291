// What strata says reaches LaTeX: its error becomes the package's error, its warnings the
// package's warnings (also from the cache); values reach strata as written; the environment
// works without keys; a picture made beforehand is read once.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "latex/latex_support.hpp"

using namespace strata::test;

namespace {

const fs::path kSource = STRATA_SOURCE_DIR;

// The files of `folder` whose name begins with `prefix` and ends with `extension`.
std::vector<fs::path> files_in(const fs::path& folder, const std::string& prefix,
                               const std::string& extension) {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) == 0 && entry.path().extension() == extension)
            found.push_back(entry.path());
    }
    return found;
}

// A failing figure and the message of strata that its package error must show.
struct Failure {
    std::string figure;
    std::string message;
};

const std::vector<Failure> kFailures = {
    {"\\strataFigure[sizing_mode=foo]{vgg16.json}",
     "strata: error: --sizing-mode: expected one of accurate, balanced, capped, logarithmic, "
     "relative, got 'foo'"},
    {"\\strataFigure[spacing=abc]{vgg16.json}",
     "strata: error: --spacing: expected a number, got 'abc'"},
    {"\\strataFigure[preset=bogus]{vgg16.json}",
     "strata: error: --preset: unknown preset 'bogus' (expected one of default, compact, "
     "presentation, paper, slides)"},
    {"\\strataFigure[background_fill=notacolor]{vgg16.json}",
     "strata: error: --background-fill: expected a colour"},
    {"\\strataFigure[options=missing.yaml]{vgg16.json}",
     "strata: error: missing.yaml: cannot open the option file"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(strata_package_messages)

// Each failure ends in one package error that shows strata's own message, whole and without
// a stray end-of-line character, with every engine; a missing model file is refused before
// strata is run.
BOOST_AUTO_TEST_CASE(strata_errors_reach_latex_with_every_engine) {
    std::string body;
    for (const Failure& failure : kFailures) body += failure.figure + "\n\n";
    body += "\\strataFigure{nope.json}\n";
    for (const std::string& engine : kTexEngines) {
        if (!have_tex(engine)) continue;
        BOOST_TEST_CONTEXT(engine) {
            ScratchDir scratch("sty-errors-" + engine);
            const fs::path folder = article(scratch, body);
            BOOST_TEST(!run_tex(engine, folder, "doc.tex", true, false));
            const std::string log = read_file(folder / "doc.log");
            for (const Failure& failure : kFailures) {
                BOOST_TEST_CONTEXT(failure.figure) {
                    BOOST_TEST(
                        log.find("(strata)                " + failure.message) != std::string::npos,
                        log);
                }
            }
            BOOST_TEST(count_of(log, "strata could not draw `vgg16.json'") == kFailures.size());
            BOOST_TEST(log.find("^^M") == std::string::npos);
            BOOST_TEST(log.find("(no message)") == std::string::npos);
            // The missing model: one error, and strata is not run for it.
            BOOST_TEST(count_of(log, "Model file not found") == 1u);
            BOOST_TEST(log.find("render 'nope.json'") == std::string::npos);
            BOOST_TEST(count_of(log, "! Package strata Error") == kFailures.size() + 1);
        }
    }
}

// A figure that cannot be made as narrow as asked draws with a warning of strata, and is then
// drawn smaller to fit the page (the width and the package's height) with another; each is a
// warning of the package in the log, at the run and again when the picture comes from the
// cache.
BOOST_AUTO_TEST_CASE(strata_warnings_reach_latex_also_from_the_cache) {
    if (!have_tex("pdflatex")) return;
    ScratchDir scratch("sty-warnings");
    // One word with nowhere to break (captions break after '_', '.', '/', '-' or at a space).
    const fs::path folder =
        article(scratch,
                "\\strataFigure[width=1in, caption={Supercalifragilisticexpialidocious}]"
                "{vgg16.json}\n\n\\strataFigure[width=3in]{vgg16.json}");
    const std::string warning =
        "Package strata Warning: `vgg16.json': width: the figure cannot be made as narrow as "
        "72.26999pt without text smaller than min_font_size";
    BOOST_REQUIRE(run_tex("pdflatex", folder, "doc.tex", true));
    std::string log = read_file(folder / "doc.log");
    BOOST_TEST(count_of(log, "Running:") == 2u);
    BOOST_TEST(count_of(log, warning) == 1u, log);
    BOOST_TEST(count_of(log, ": the figure is larger than 72.26999pt x") == 1u, log);
    BOOST_TEST(count_of(log, "Package strata Warning") == 2u);
    // Each warning line that strata wrote is one warning of the package.
    std::size_t written = 0;
    for (const fs::path& file : files_in(folder, "strata-", ".log"))
        written += count_of(read_file(file), "strata: warning: ");
    BOOST_TEST(written == 2u);

    BOOST_REQUIRE(run_tex("pdflatex", folder, "doc.tex", true));
    log = read_file(folder / "doc.log");
    BOOST_TEST(count_of(log, "Running:") == 0u);
    BOOST_TEST(count_of(log, warning) == 1u);
}

// A figure beamer sets once per overlay of its frame says each warning once, not once per
// overlay.
BOOST_AUTO_TEST_CASE(a_figure_on_every_overlay_warns_once) {
    if (!have_tex("pdflatex")) return;
    ScratchDir scratch("sty-warnings-overlays");
    fs::copy_file(fs::path(STRATA_SOURCE_DIR) / "examples" / "vgg16.json",
                  scratch.path / "vgg16.json");
    write_file(scratch.path / "deck.tex",
               "\\documentclass{beamer}\n\\usepackage{strata}\n\\strataset{program=" +
                   std::string(STRATA_CLI_PATH) +
                   "}\n\\begin{document}\n\\begin{frame}\n"
                   "\\strataFigure[width=1in, caption={Supercalifragilisticexpialidocious}]"
                   "{vgg16.json}\n\\only<1>{one}\\only<2>{two}\\only<3>{three}\n"
                   "\\end{frame}\n\\end{document}\n");
    BOOST_REQUIRE(run_tex("pdflatex", scratch.path, "deck.tex", true));
    BOOST_TEST(pages_of_pdf(scratch.path / "deck.pdf") == 3);
    const std::string log = read_file(scratch.path / "deck.log");
    BOOST_TEST(count_of(log, "Running:") == 1u);
    BOOST_TEST(count_of(log, "cannot be made as narrow as") == 1u, log);
}

// A key one letter away from a key of the package or an option of strata names it; a key
// far from all names none.
BOOST_AUTO_TEST_CASE(a_mistyped_key_names_the_key_meant) {
    if (!have_tex("pdflatex")) return;
    ScratchDir scratch("sty-mistyped-key");
    const fs::path folder = article(scratch,
                                    "\\strataFigure[legnd]{vgg16.json}\n"
                                    "\\strataFigure[cache prefx=x]{vgg16.json}\n"
                                    "\\strataFigure[sizing_mdoe=balanced]{vgg16.json}\n"
                                    "\\strataFigure[zzzz]{vgg16.json}");
    run_tex("pdflatex", folder, "doc.tex", false, false);  // on past each error
    std::string log = read_file(folder / "doc.log");
    log.erase(std::remove(log.begin(), log.end(), '\n'), log.end());  // TeX breaks long lines
    BOOST_TEST(count_of(log, "`legnd' is not a key of strata (did you mean `legend'?)") == 1u);
    BOOST_TEST(count_of(log, "(did you mean `cache prefix'?)") == 1u);
    BOOST_TEST(count_of(log, "(did you mean `sizing-mode'?)") == 1u);
    BOOST_TEST(count_of(log, "`zzzz' is not a key of strata:") == 1u);
    BOOST_TEST(count_of(log, "Running:") == 0u);
}

// The environment without keys: its first line is the first line of the model.
BOOST_AUTO_TEST_CASE(the_environment_needs_no_keys) {
    if (!have_tex("pdflatex")) return;
    ScratchDir scratch("sty-env-nokeys");
    const std::string spec =
        "strata: 1\n"
        "layers:\n"
        "  - {name: image, type: InputLayer, shape: [null, 28, 28, 1]}\n"
        "  - Conv2D: {filters: 8, kernel_size: 3}\n"
        "  - Flatten:\n"
        "  - Dense: {units: 10}\n";
    const fs::path folder =
        article(scratch, "\\noindent\\begin{strata}\n" + spec +
                             "\\end{strata}\n\n\\noindent\\begin{strata}[legend]\n" + spec +
                             "\\end{strata}");
    BOOST_REQUIRE(run_tex("pdflatex", folder, "doc.tex", true));
    BOOST_TEST(read_file(folder / "strata-doc-1.yaml") == spec);
    BOOST_TEST(read_file(folder / "strata-doc-2.yaml") == spec);
    BOOST_TEST(count_of(read_file(folder / "doc.log"), "Running:") == 2u);
    BOOST_TEST(log_problems(read_file(folder / "doc.log")).empty());
    const std::string text = text_of_pdf(folder / "doc.pdf");
    BOOST_TEST(text.find("Conv2D") != std::string::npos);  // the legend of the second
}

// A # written once in a value reaches strata once: colours work as keys, in a figure, in
// \strataset and in the environment's keys.
BOOST_AUTO_TEST_CASE(a_colour_given_as_a_key_arrives) {
    if (!have_tex("pdflatex")) return;
    ScratchDir scratch("sty-colour");
    const fs::path folder =
        article(scratch,
                "\\strataFigure[background_fill=#ffeecc]{vgg16.json}\n\n"
                "{\\strataset{font_color=#123456}\\strataFigure[width=4in]{vgg16.json}}\n\n"
                "\\begin{strata}[model=vgg16.json, background_fill=#ccddee]\n"
                "legend: true\n\\end{strata}");
    BOOST_REQUIRE(run_tex("pdflatex", folder, "doc.tex", true));
    const std::string log = read_file(folder / "doc.log");
    BOOST_TEST(log.find("--background-fill='#ffeecc'") != std::string::npos);
    BOOST_TEST(log.find("--font-color='#123456'") != std::string::npos);
    BOOST_TEST(log.find("--background-fill='#ccddee'") != std::string::npos);
    std::string pictures;
    for (const fs::path& file : files_in(folder, "strata-", ".tex")) pictures += read_file(file);
    BOOST_TEST(pictures.find("{RGB}{255,238,204}") != std::string::npos);
    BOOST_TEST(pictures.find("{RGB}{18,52,86}") != std::string::npos);
    BOOST_TEST(pictures.find("{RGB}{204,221,238}") != std::string::npos);
}

// file= is TeX, input once; its geometry is still scaled to the width. A picture that does
// not state its size is set as it is, with a warning.
BOOST_AUTO_TEST_CASE(a_picture_made_beforehand_is_read_once) {
    if (!have_tex("pdflatex")) return;
    ScratchDir scratch("sty-file-once");
    BOOST_REQUIRE(std::system((std::string(STRATA_CLI_PATH) + " render " +
                               quoted(kSource / "examples" / "vgg16.json") + " --legend -o " +
                               quoted(scratch.path / "drawn.tex"))
                                  .c_str()) == 0);
    write_file(scratch.path / "fig.tex",
               "\\typeout{PICTURE READ}%\n" + read_file(scratch.path / "drawn.tex"));
    write_file(scratch.path / "plain.tex", "\\rule{40pt}{10pt}");
    const fs::path folder = article(scratch,
                                    "\\sbox0{\\strataFigure[file=fig.tex, width=150pt]{}}"
                                    "\\typeout{WIDTH=\\the\\wd0}\\usebox0\n\n"
                                    "\\strataFigure[file=plain.tex]{}");
    BOOST_REQUIRE(run_tex("pdflatex", folder, "doc.tex"));
    const std::string log = read_file(folder / "doc.log");
    BOOST_TEST(count_of(log, "PICTURE READ") == 1u);
    const std::size_t at = log.find("WIDTH=");
    BOOST_REQUIRE(at != std::string::npos);
    BOOST_TEST(std::atof(log.c_str() + at + 6) == 150.0, boost::test_tools::tolerance(0.002));
    BOOST_TEST(log.find("Package strata Warning: `plain.tex' does not state its size") !=
               std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
