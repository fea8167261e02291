#pragma once

// Helpers of the LaTeX tests: running TeX engines in a scratch folder with strata.sty on the
// search path, and reading their logs.

#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "external_tools.hpp"
#include "raster/raster_support.hpp"

namespace strata::test {

inline const std::vector<std::string> kTexEngines = {"pdflatex", "lualatex", "xelatex"};

// Runs `engine` on `file` (a .tex name in `folder`); true when it exits with status 0. With
// `halt_on_error` false TeX goes on past every error, as a user pressing return would, so a
// test sees what the rest of the document does after an error. Log lines are not wrapped.
inline bool run_tex(const std::string& engine, const fs::path& folder, const std::string& file,
                    bool shell_escape = false, bool halt_on_error = true) {
    const std::string texinputs = std::string(STRATA_SOURCE_DIR) + "/latex//:";
    const std::string command =
        "cd " + quoted(folder) +
        " && max_print_line=100000 TEXINPUTS=" + quoted(fs::path(texinputs)) + " " + engine +
        (shell_escape ? " -shell-escape" : " -no-shell-escape") + " -interaction=nonstopmode" +
        (halt_on_error ? " -halt-on-error " : " ") + quoted(fs::path(file)) +
        " >/dev/null 2>&1 </dev/null";
    const int raw = std::system(command.c_str());
    return WIFEXITED(raw) && WEXITSTATUS(raw) == 0;
}

// The lines of a TeX log that report a problem with the typeset result: overfull boxes,
// missing characters, substituted font sizes, LaTeX and package warnings.
// How many times `what` occurs in `text`, overlaps included.
inline std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

inline std::vector<std::string> log_problems(const std::string& log) {
    static const std::vector<std::string> signs = {
        "Overfull \\hbox",        "Overfull \\vbox",      "Missing character",
        "not available",          "LaTeX Warning",        "LaTeX Font Warning",
        "Package strata Warning", "Package tikz Warning", "Package pgf Warning"};
    std::vector<std::string> problems;
    std::size_t start = 0;
    while (start < log.size()) {
        std::size_t end = log.find('\n', start);
        if (end == std::string::npos) end = log.size();
        const std::string line = log.substr(start, end - start);
        for (const std::string& sign : signs) {
            if (line.find(sign) != std::string::npos) problems.push_back(line);
        }
        start = end + 1;
    }
    return problems;
}

inline bool have_tex(const std::string& engine) {
    return strata_test::needs_tool(strata_test::kLatexTools, engine);
}

inline std::string text_of_pdf(const fs::path& pdf) {
    return output_of("pdftotext -raw " + quoted(pdf) + " -");
}

inline int pages_of_pdf(const fs::path& pdf) {
    const std::string info = output_of("pdfinfo " + quoted(pdf));
    const std::size_t at = info.find("Pages:");
    return at == std::string::npos ? -1 : std::atoi(info.c_str() + at + 6);
}

// An article with `body` in its document, strata from the build, vgg16.json beside it.
inline fs::path article(const ScratchDir& scratch, const std::string& body) {
    fs::copy_file(fs::path(STRATA_SOURCE_DIR) / "examples" / "vgg16.json",
                  scratch.path / "vgg16.json");
    write_file(scratch.path / "doc.tex",
               "\\documentclass{article}\n"
               "\\usepackage{iftex}\\ifPDFTeX\\usepackage[T1]{fontenc}\\usepackage{lmodern}\\fi\n"
               "\\usepackage{strata}\n\\strataset{program=" +
                   std::string(STRATA_CLI_PATH) + "}\n\\begin{document}\n" + body +
                   "\n\\end{document}\n");
    return scratch.path;
}

}  // namespace strata::test
