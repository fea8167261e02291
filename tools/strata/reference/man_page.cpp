#include "man_page.hpp"

#include <cstdio>
#include <set>
#include <sstream>
#include <vector>

#include "../command_table.hpp"
#include "flag_list.hpp"

namespace strata::reference {
namespace {

// Text set as it is: backslashes and hyphens escaped (a hyphen in an option must stay an
// ASCII minus), other than ASCII as named characters (troff reads bytes, not UTF-8), and a
// line that would start with a control character protected.
std::string roff(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else if (c < 0x80) {
            out += static_cast<char>(c);
        } else {
            // A UTF-8 sequence (the tables hold valid UTF-8): its code point as \[uXXXX].
            const int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            unsigned code = c & (0x7F >> length);
            for (int k = 1; k < length && i + 1 < text.size(); ++k)
                code = (code << 6) | (static_cast<unsigned char>(text[++i]) & 0x3F);
            char name[16];
            std::snprintf(name, sizeof name, "\\[u%04X]", code);
            out += name;
        }
    }
    if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
    return out;
}

std::string bold(const std::string& text) {
    return "\\fB" + roff(text) + "\\fR";
}
std::string italic(const std::string& text) {
    return "\\fI" + roff(text) + "\\fR";
}

// A command's --help epilogue: prose lines as text, indented lines as literal examples.
void write_details(std::ostream& out, const std::string& details) {
    std::istringstream lines(details);
    std::string line;
    bool literal = false;
    while (std::getline(lines, line)) {
        const bool example = line.rfind("  ", 0) == 0;
        if (example && !literal) out << ".RS\n.nf\n";
        if (!example && literal) out << ".fi\n.RE\n";
        literal = example;
        out << roff(example ? line.substr(2) : line) << "\n";
    }
    if (literal) out << ".fi\n.RE\n";
}

void write_flag(std::ostream& out, const Flag& flag) {
    out << ".TP\n";
    if (!flag.short_name.empty()) out << bold("-" + flag.short_name) << ", ";
    out << bold("--" + flag.long_name);
    if (!flag.value.empty()) {
        out << (flag.value_optional ? "[=" + italic(flag.value) + "]" : " " + italic(flag.value));
    }
    out << "\n" << roff(flag.description) << "\n";
}

void write_header(std::ostream& out, const std::string& version) {
    out << ".\\\" strata(1), generated from the options of the strata tool; do not edit.\n"
        << ".TH STRATA 1 \"\" \"strata " << roff(version) << "\" \"User Commands\"\n"
        << ".SH NAME\nstrata \\- draw neural\\-network architectures as layered diagrams\n"
        << ".SH SYNOPSIS\n";
    for (const cli::CommandInfo& command : cli::command_table()) {
        out << ".B strata " << command.name << "\n" << roff(command.arguments) << "\n.br\n";
    }
    out << ".B strata \\-\\-help\n.br\n.B strata \\-\\-version\n"
        << ".SH DESCRIPTION\n"
        << bold("strata") << " reads a neural\\-network model file (Keras JSON, " << roff(".keras")
        << " archives, HDF5 " << roff(".h5") << " files, TensorFlow.js " << roff("model.json")
        << ", ONNX, or its own YAML model specs) without any machine "
           "learning framework, works out every layer's output shape, and draws the model as "
           "stacked 3\\-D boxes joined by funnels. It writes SVG, PNG, PDF, a TikZ picture for "
           "LaTeX, or the laid\\-out scene as JSON. The model file is recognised by its "
           "content, not its name; weights are never read.\n"
        << ".PP\nOptions are applied in this order: built\\-in defaults, the preset, the "
           "option file, then the flags given. Every layered view option is also a key of a "
           "YAML option file, in snake_case.\n";
}

void write_footer(std::ostream& out, const std::string& texmf_dir) {
    out << ".SH EXIT STATUS\n"
        << ".TP\n.B 0\nsuccess\n"
        << ".TP\n.B 1\nan error in a model, option or output file: one line "
        << italic("strata: error: FILE[:LINE:COL]: message")
        << " on standard error, and no output file is written\n"
        << ".TP\n.B 2\na command line that cannot be understood\n"
        << ".SH EXAMPLES\n.nf\n";
    for (const std::string& example : cli::usage_examples()) out << roff(example) << "\n";
    out << ".fi\n"
        << ".SH FILES\n.TP\n"
        << italic("PREFIX/" + texmf_dir + "/tex/latex/strata/strata.sty")
        << "\nthe LaTeX package that draws strata figures while a document compiles "
           "(\\fB\\eusepackage{strata}\\fR, compiled with "
        << bold("-shell-escape") << "); its manual is "
        << italic("PREFIX/" + texmf_dir + "/doc/latex/strata/strata.pdf") << ". PREFIX is "
        << italic("/usr") << " for the Debian package.\n"
        << ".SH SEE ALSO\n"
        << bold("pdflatex") << "(1), " << bold("inkscape") << "(1)\n";
}

}  // namespace

std::string man_page(const std::string& version, const std::string& texmf_dir) {
    std::ostringstream out;
    write_header(out, version);
    out << ".SH COMMANDS\n";
    for (const cli::CommandInfo& command : cli::command_table()) {
        out << ".TP\n"
            << bold(command.name) << " " << roff(command.arguments) << "\n"
            << roff(command.summary) << "\n";
        if (!command.details.empty()) {
            out << ".IP\n";
            write_details(out, command.details);
        }
    }
    out << ".SH OPTIONS\n";
    // A group shared by several commands (the layered view options) is listed once.
    std::set<std::string> listed;
    for (const cli::CommandInfo& command : cli::command_table()) {
        const std::vector<cli::FlagGroup> groups = cli::command_flag_groups(command.name);
        std::vector<std::string> shared;
        for (const cli::FlagGroup& group : groups) {
            if (!listed.insert(group.caption).second) {
                shared.push_back(group.caption);
                continue;
            }
            out << ".SS \"" << roff(group.caption) << "\"\n";
            for (const Flag& flag : flags_of(group.flags)) write_flag(out, flag);
        }
        for (const std::string& caption : shared) {
            out << ".PP\n"
                << bold("strata " + command.name) << " also takes the " << italic(caption)
                << " above.\n";
        }
    }
    write_footer(out, texmf_dir);
    return out.str();
}

}  // namespace strata::reference
