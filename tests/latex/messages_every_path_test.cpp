// strata's messages reach LaTeX on every engine, with shell escape and through
// JOBNAME-strata.sh without it: each error is a package error showing strata's own one-line
// message, each warning a package warning, in the log and on the terminal, and the level auto
// chose a line of the log.

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "latex/latex_support.hpp"

using namespace strata::test;

namespace {

// Runs `engine` on doc.tex in `folder` as run_tex does, keeping what it shows on the terminal
// in terminal.txt.
void compile(const std::string& engine, const fs::path& folder, bool shell_escape) {
    const std::string texinputs = std::string(STRATA_SOURCE_DIR) + "/latex//:";
    const std::string command = "cd " + quoted(folder) + " && max_print_line=100000 TEXINPUTS=" +
                                quoted(fs::path(texinputs)) + " " + engine +
                                (shell_escape ? " -shell-escape" : " -no-shell-escape") +
                                " -interaction=nonstopmode doc.tex >terminal.txt 2>&1 </dev/null";
    static_cast<void>(std::system(command.c_str()));
}

// A figure and what LaTeX must show for it.
struct Expected {
    std::string figure;
    std::string shown;
};

const std::vector<Expected> kErrors = {
    // Refused by the package before strata is run, in strata's words.
    {"\\strataFigure[legnd]{vgg16.json}",
     "! Package strata Error: unrecognised option: `legnd' is not a key of strata"},
    {"\\strataFigure[sizing_mode=foo]{vgg16.json}",
     "(strata)                strata: error: --sizing-mode: expected one of accurate, "
     "balanced, capped, logarithmic, relative, got 'foo'."},
    {"\\strataFigure[no_legend=true]{vgg16.json}",
     "(strata)                strata: usage error: option '--no-legend' does not take any "
     "arguments."},
};

// One word with nowhere to break (captions break after '_', '.', '/', '-' or at a space).
const Expected kWarning = {
    "\\strataFigure[width=1in, caption={Supercalifragilisticexpialidocious}]{vgg16.json}",
    "Package strata Warning: `vgg16.json': width: the figure cannot be made as narrow as "
    "72.26999pt without text smaller than min_font_size"};

// The level auto chose for the warning figure, a line of the log only.
// The note names the file once.
const std::string kLevelNote = "Package strata Info: vgg16.json: one box per ";
const std::string kLevelNoteEnd = " (level auto at the width 72.26999pt)";

// The document: every error figure, then the warning figure.
std::string figures() {
    std::string body;
    for (const Expected& e : kErrors) body += e.figure + "\n\n";
    return body + kWarning.figure;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(strata_messages_every_path)

BOOST_AUTO_TEST_CASE(errors_and_warnings_reach_latex_with_and_without_shell_escape) {
    for (const std::string& engine : kTexEngines) {
        if (!have_tex(engine)) continue;
        for (const bool shell_escape : {true, false}) {
            BOOST_TEST_CONTEXT(engine << (shell_escape ? " with" : " without") << " shell escape") {
                ScratchDir scratch("sty-every-path-" + engine + (shell_escape ? "-s" : "-n"));
                const fs::path folder = article(scratch, figures());
                compile(engine, folder, shell_escape);
                if (!shell_escape) {
                    // Every figure strata is to draw waits in the command file; running it is
                    // all it takes for the next compile to show strata's messages.
                    const std::string log = read_file(folder / "doc.log");
                    BOOST_TEST(count_of(log, "No drawing of `vgg16.json'") == 3u);
                    BOOST_TEST(count_of(read_file(folder / "doc-strata.sh"), "\n") == 3u);
                    static_cast<void>(
                        std::system(("cd " + quoted(folder) + " && sh doc-strata.sh").c_str()));
                    compile(engine, folder, shell_escape);
                }
                const std::string log = read_file(folder / "doc.log");
                const std::string terminal = read_file(folder / "terminal.txt");
                for (const Expected& e : kErrors) {
                    BOOST_TEST_CONTEXT(e.figure) {
                        BOOST_TEST(count_of(log, e.shown) == 1u, log);
                        BOOST_TEST(count_of(terminal, e.shown) == 1u);
                    }
                }
                BOOST_TEST(count_of(log, kWarning.shown) == 1u, log);
                BOOST_TEST(count_of(terminal, kWarning.shown) == 1u);
                BOOST_TEST(count_of(log, kLevelNote) == 1u);
                BOOST_TEST(count_of(log, "vgg16.json': vgg16.json") == 0u);
                BOOST_TEST(count_of(log, kLevelNoteEnd) == 1u);
                BOOST_TEST(count_of(terminal, kLevelNote) == 0u);
                BOOST_TEST(count_of(log, "! Package strata Error") == kErrors.size());
                BOOST_TEST(log.find("No drawing") == std::string::npos);
                BOOST_TEST(log.find("^^M") == std::string::npos);
                BOOST_TEST(log.find("(no message)") == std::string::npos);
                BOOST_TEST(log.find("Run 'strata --help'") == std::string::npos);
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
