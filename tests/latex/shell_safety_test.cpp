// Nothing a document passes to strata.sty reaches a shell: keys, values, file names, the
// program, the cache prefix and the environment's files are checked before any command is
// built, with shell escape and in the JOBNAME-strata.sh written without it.

#include <boost/test/unit_test.hpp>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "latex/latex_support.hpp"
#include "strata/option_table.hpp"

using namespace strata::test;

namespace {

const fs::path kSource = STRATA_SOURCE_DIR;

// One hostile use of the package: the figure (or environment) in the document, the file its
// injected command would create, and the package error it must end in.
struct Injection {
    std::string name;
    std::string figure;
    std::string canary;
    std::string error;
};

const std::vector<Injection>& injections() {
    static const std::vector<Injection> all = {
        {"semicolon in a key", "\\strataFigure[legend, x;touch CANARY-1;]{vgg16.json}", "CANARY-1",
         "`x;touch CANARY-1;' is not a key of strata"},
        {"backticks in a key", "\\strataFigure[legend, x`touch CANARY-2`]{vgg16.json}", "CANARY-2",
         "`x`touch CANARY-2`' is not a key of strata"},
        {"$(...) in a key", "\\strataFigure[legend, x$(touch CANARY-3)]{vgg16.json}", "CANARY-3",
         "`x$(touch CANARY-3)' is not a key of strata"},
        {"newline in a key", "\\strataFigure[legend, x^^Jtouch CANARY-4^^J]{vgg16.json}",
         "CANARY-4", "is not a key of strata"},
        {"a flag of strata that is not an option", "\\strataFigure[frames=CANARY-5]{vgg16.json}",
         "CANARY-5", "`frames' is not a key of strata"},
        {"quote in the cache prefix",
         "\\strataFigure[cache prefix={x'$(touch CANARY-6)'}]{vgg16.json}", "CANARY-6",
         "The cache prefix may not contain a single quote"},
        {"pipe as the cache prefix", "\\strataFigure[cache prefix={|touch CANARY-7;}]{vgg16.json}",
         "CANARY-7", "The cache prefix may not begin with - or contain |"},
        {"command in the program", "\\strataFigure[program={touch CANARY-8;strata}]{vgg16.json}",
         "CANARY-8", "The program must be a path"},
        {"another program", "\\strataFigure[program={/bin/touch}]{CANARY-9}", "CANARY-9",
         "The program must be a path"},
        {"pipe as the model file", "\\strataFigure{|touch CANARY-10}", "CANARY-10",
         "The model file name may not begin with - or contain |"},
        {"quote in the model file", "\\strataFigure{x';touch CANARY-11;'.json}", "CANARY-11",
         "The model file name may not contain a single quote"},
        {"quote in the option file", "\\strataFigure[options={a';touch CANARY-12;'}]{vgg16.json}",
         "CANARY-12", "The option file name may not contain a single quote"},
        {"quote in the preset", "\\strataFigure[preset={a';touch CANARY-13;'}]{vgg16.json}",
         "CANARY-13", "The preset may not contain a single quote"},
        {"quote in the font", "\\strataFigure[font={a';touch CANARY-14;'}]{vgg16.json}",
         "CANARY-14", "The font may not contain a single quote"},
        {"pipe as the picture file", "\\strataFigure[file={|touch CANARY-15}]{}", "CANARY-15",
         "The picture file name may not begin with - or contain |"},
        {"quote in a value", "\\strataFigure[caption={x'; touch CANARY-16; '}]{vgg16.json}",
         "CANARY-16", "The value of the key `caption' may not contain a single quote"},
        {"a command as the text size",
         "\\strataFigure[text size={\\expandafter\\def\\csname f@size\\endcsname"
         "{9;touch CANARY-17;}}]{vgg16.json}",
         "CANARY-17", "The font size after `text size' is not a number"},
        {"an option as the model file", "\\strataFigure{--frames=CANARY-18}", "CANARY-18",
         "The model file name may not begin with - or contain |"},
        {"pipe as the environment's file",
         "\\begin{strata}[cache prefix={|touch CANARY-19;}, model=vgg16.json]\nlegend: true\n"
         "\\end{strata}",
         "CANARY-19", "The cache prefix may not begin with - or contain |"},
        {"pipe as the environment's model",
         "\\begin{strata}[model={|touch CANARY-20}]\nlegend: true\n\\end{strata}", "CANARY-20",
         "The model file name may not begin with - or contain |"},
        // A key is split and checked by the package itself: no handler, path or key system
        // behind it is ever reached.
        {"a handler key",
         "\\strataFigure[legend/.code={\\immediate\\write18{touch CANARY-21}}, legend]"
         "{vgg16.json}",
         "CANARY-21", "`legend/.code' is not a key of strata"},
        {"a key path",
         "\\strataFigure[/utils/exec={\\immediate\\write18{touch CANARY-22}}]{vgg16.json}",
         "CANARY-22", "`/utils/exec' is not a key of strata"},
        {"a key path in the environment",
         "\\begin{strata}[model=vgg16.json, /utils/exec={\\immediate\\write18{touch CANARY-23}}]\n"
         "legend: true\n\\end{strata}",
         "CANARY-23", "`/utils/exec' is not a key of strata"},
        {"a key path writing to the command file",
         "\\strataFigure[/utils/exec={\\immediate\\write\\csname strata@sh\\endcsname"
         "{touch CANARY-24}}]{vgg16.json}",
         "CANARY-24", "`/utils/exec' is not a key of strata"},
        {"a style key", "\\strataFigure[legend/.style={spacing=7}, legend]{vgg16.json}",
         "CANARY-25", "`legend/.style' is not a key of strata"},
        {"semicolon and slash in a key", "\\strataFigure[legend, x;touch ./CANARY-26;]{vgg16.json}",
         "CANARY-26", "`x;touch ./CANARY-26;' is not a key of strata"},
        {"$(...) and slash in a key", "\\strataFigure[x$(touch ./CANARY-27)]{vgg16.json}",
         "CANARY-27", "`x$(touch ./CANARY-27)' is not a key of strata"},
        {"backticks and slash in a key", "\\strataFigure[x`touch ./CANARY-28`]{vgg16.json}",
         "CANARY-28", "`x`touch ./CANARY-28`' is not a key of strata"},
        {"spaces in a key", "\\strataFigure[legend x touch ./CANARY-29=1]{vgg16.json}", "CANARY-29",
         "`legend x touch ./CANARY-29' is not a key of strata"},
        // The cache prefix follows TeX's own rule for the files it writes (openout_any=p).
        {"a cache prefix in the parent folder",
         "\\strataFigure[cache prefix=../CANARY-30-]{vgg16.json}", "CANARY-30",
         "The cache prefix must be a relative path"},
        {"an absolute cache prefix", "\\strataFigure[cache prefix=@FOLDER@/CANARY-31-]{vgg16.json}",
         "CANARY-31", "The cache prefix must be a relative path"},
        {"a hidden cache prefix", "\\strataFigure[cache prefix=.CANARY-32-]{vgg16.json}",
         "CANARY-32", "The cache prefix must be a relative path"},
        {"the environment's file in the parent folder",
         "\\begin{strata}[model=vgg16.json, cache prefix=sub/../../CANARY-33-]\nlegend: true\n"
         "\\end{strata}",
         "CANARY-33", "The cache prefix must be a relative path"},
    };
    return all;
}

// A figure whose value holds every shell metacharacter but the quote: drawn, the value
// passed on in single quotes.
const std::string kQuotedFigure =
    "\\strataFigure[caption={$(touch CANARY-Q) `touch CANARY-Q` ; | & > \\ \" * ~},"
    " text_callable=type, no_draw_funnel]{vgg16.json}";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// The figure that is drawn (so that JOBNAME-strata.sh is open without shell escape), then
// every injection in its own paragraph. @FOLDER@ stands for the scratch folder.
std::string hostile_document(const fs::path& scratch) {
    std::string body;
    for (const Injection& injection : injections()) body += injection.figure + "\n\n";
    return "\\documentclass{article}\n"
           "\\usepackage{iftex}\\ifPDFTeX\\usepackage[T1]{fontenc}\\usepackage{lmodern}\\fi\n"
           "\\usepackage{strata}\n\\strataset{program=" +
           std::string(STRATA_CLI_PATH) + "}\n\\begin{document}\n" + kQuotedFigure + "\n\n" +
           replaced(body, "@FOLDER@", scratch.string()) + "\\end{document}\n";
}

// The document is compiled in doc/ inside the scratch folder, so that a file written to the
// parent folder is seen too.
fs::path hostile_folder(const ScratchDir& scratch) {
    const fs::path folder = scratch.path / "doc";
    fs::create_directories(folder);
    fs::copy_file(kSource / "examples" / "vgg16.json", folder / "vgg16.json");
    write_file(folder / "doc.tex", hostile_document(scratch.path));
    return folder;
}

// Files named CANARY... or .CANARY... in the document's folder or its parent.
std::vector<std::string> canaries_in(const fs::path& folder) {
    std::vector<std::string> found;
    for (const fs::path& where : {folder, folder.parent_path()}) {
        for (const auto& entry : fs::directory_iterator(where)) {
            const std::string name = entry.path().filename().string();
            if (name.rfind("CANARY", 0) == 0 || name.rfind(".CANARY", 0) == 0)
                found.push_back(name);
        }
    }
    return found;
}

// The first character of `line` that a shell would interpret: anything outside single
// quotes but letters, digits, spaces and / . _ = + - , :, or a quote left open at the end.
// npos when there is none.
std::size_t unquoted_metacharacter(const std::string& line) {
    static const std::string plain =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 /._=+-,:";
    bool in_quotes = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\'') {
            in_quotes = !in_quotes;
        } else if (!in_quotes && plain.find(line[i]) == std::string::npos) {
            return i;
        }
    }
    return in_quotes ? line.size() : std::string::npos;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(strata_package_shell)

BOOST_AUTO_TEST_CASE(the_scanner_finds_what_a_shell_would_interpret) {
    BOOST_TEST(unquoted_metacharacter("'strata' render 'a;b' --legend --x='$(y)'") ==
               std::string::npos);
    BOOST_TEST(unquoted_metacharacter("strata render a;b") == 15u);
    BOOST_TEST(unquoted_metacharacter("strata --x='a'$(b)'c'") == 14u);
    BOOST_TEST(unquoted_metacharacter("strata --x='open") == 16u);
}

// The options a key may name are those of strata's option table (and the negations of its
// switches), no more and no fewer.
BOOST_AUTO_TEST_CASE(the_package_knows_the_options_of_strata) {
    const std::string sty = read_file(kSource / "latex" / "strata.sty");
    const std::string head = "\\def\\strata@optionnames{";
    const std::size_t start = sty.find(head);
    BOOST_REQUIRE(start != std::string::npos);
    const std::size_t end = sty.find('}', start);
    std::set<std::string> in_package;
    std::string name;
    for (char c : sty.substr(start + head.size(), end - start - head.size()) + ",") {
        if (c == ',') {
            if (!name.empty()) in_package.insert(name);
            name.clear();
        } else if (c != '%' && c != '\n' && c != ' ') {
            name += c;
        }
    }
    std::set<std::string> in_table;
    for (const strata::OptionInfo& info : strata::option_table()) {
        in_table.insert(info.flag);
        if (info.kind == strata::OptionKind::boolean) in_table.insert("no-" + info.flag);
    }
    BOOST_TEST(in_package == in_table, boost::test_tools::per_element());
}

// With shell escape every injection ends in its package error and runs nothing, even when
// the compile goes on past the errors; the figure with quoted metacharacters is drawn.
BOOST_AUTO_TEST_CASE(with_shell_escape_no_injection_runs) {
    for (const std::string& engine : kTexEngines) {
        if (!have_tex(engine)) continue;
        BOOST_TEST_CONTEXT(engine) {
            ScratchDir scratch("sty-inject-" + engine);
            const fs::path folder = hostile_folder(scratch);
            run_tex(engine, folder, "doc.tex", true, false);
            const std::string log = read_file(folder / "doc.log");
            for (const Injection& injection : injections()) {
                BOOST_TEST_CONTEXT(injection.name) {
                    BOOST_TEST(!fs::exists(folder / injection.canary));
                    BOOST_TEST(log.find(injection.error) != std::string::npos);
                }
            }
            const std::vector<std::string> canaries = canaries_in(folder);
            BOOST_TEST(canaries.empty(), (canaries.empty() ? "" : canaries.front()));
            BOOST_TEST(fs::exists(folder / "vgg16.json"));
            // Only the quoted figure is drawn, its caption printed as written (broken onto
            // lines at its spaces to fit the width).
            BOOST_TEST(count_of(log, "Running:") == 1u);
            const std::string pdf_text = text_of_pdf(folder / "doc.pdf");
            BOOST_TEST(pdf_text.find("$(touch") != std::string::npos);
        }
    }
}

// Without shell escape the commands of missing figures land in JOBNAME-strata.sh: only the
// figure that passed the checks is there, quoted, and running the file creates no canary.
BOOST_AUTO_TEST_CASE(without_shell_escape_the_command_file_is_safe_to_run) {
    if (!have_tex("pdflatex")) return;
    ScratchDir scratch("sty-inject-sh");
    const fs::path folder = hostile_folder(scratch);
    run_tex("pdflatex", folder, "doc.tex", false, false);
    const std::string commands = read_file(folder / "doc-strata.sh");
    const std::vector<std::string> lines = lines_of(commands);
    BOOST_TEST(lines.size() == 1u, commands);
    // Each line is the command and the one redirection the package adds itself: strata's
    // messages go to the log beside its picture, as with shell escape.
    static const std::regex redirection(" 2>'strata-[0-9A-F]{32}\\.log'$");
    for (const std::string& line : lines) {
        std::smatch found;
        BOOST_TEST(std::regex_search(line, found, redirection), line);
        const std::string command = line.substr(0, line.size() - found.length());
        BOOST_TEST(unquoted_metacharacter(command) == std::string::npos, line);
    }
    BOOST_TEST(std::system(("cd " + quoted(folder) + " && sh doc-strata.sh").c_str()) == 0);
    BOOST_TEST(canaries_in(folder).empty());
    BOOST_TEST(fs::exists(folder / "vgg16.json"));
}

// Keys set for every figure with \\strataset are checked at each figure like its own.
BOOST_AUTO_TEST_CASE(keys_set_for_every_figure_are_checked_too) {
    if (!have_tex("pdflatex")) return;
    ScratchDir scratch("sty-inject-set");
    fs::copy_file(kSource / "examples" / "vgg16.json", scratch.path / "vgg16.json");
    write_file(scratch.path / "doc.tex",
               "\\documentclass{article}\n\\usepackage{strata}\n\\strataset{program=" +
                   std::string(STRATA_CLI_PATH) +
                   "}\n\\strataset{/utils/exec={\\immediate\\write18{touch CANARY-S}}}\n"
                   "\\begin{document}\n\\strataFigure{vgg16.json}\n\\end{document}\n");
    BOOST_TEST(!run_tex("pdflatex", scratch.path, "doc.tex", true, false));
    const std::string log = read_file(scratch.path / "doc.log");
    BOOST_TEST(log.find("`/utils/exec' is not a key of strata") != std::string::npos);
    BOOST_TEST(log.find("Running:") == std::string::npos);
    BOOST_TEST(!fs::exists(scratch.path / "CANARY-S"));
}

BOOST_AUTO_TEST_SUITE_END()
