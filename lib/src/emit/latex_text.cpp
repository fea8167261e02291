#include "emit/latex_text.hpp"

#include "emit/xml_text.hpp"

namespace strata::emit {
namespace {

// Characters that form a ligature with a following character of this set in TeX fonts.
bool joins_next(char c) {
    switch (c) {
        case '-':
        case '`':
        case '\'':
        case '!':
        case '?':
        case ',':
        case '<':
        case '>':
            return true;
        default:
            return false;
    }
}

const char* replacement_of(char c) {
    switch (c) {
        case '\\':
            return "\\textbackslash{}";
        case '{':
            return "\\{";
        case '}':
            return "\\}";
        case '#':
            return "\\#";
        case '$':
            return "\\$";
        case '%':
            return "\\%";
        case '&':
            return "\\&";
        case '_':
            return "\\_";
        case '~':
            return "\\textasciitilde{}";
        case '^':
            return "\\textasciicircum{}";
        case '<':
            return "\\textless{}";
        case '>':
            return "\\textgreater{}";
        case '|':
            return "\\textbar{}";
        case '"':
            return "\\textquotedbl{}";
        case ' ':
        case '\t':
        case '\n':
            return "\\ ";
        default:
            return nullptr;
    }
}

// The signs strata writes in its own labels (shapes, ranges, what changes), as text commands:
// a font in T1 encoding has none of them, and every engine and encoding knows the commands.
struct Sign {
    std::string_view utf8;
    const char* command;
};
constexpr Sign kSigns[] = {{"\u00d7", "\\texttimes{}"},
                           {"\u2013", "\\textendash{}"},
                           {"\u2192", "\\textrightarrow{}"},
                           {"\u00b7", "\\textperiodcentered{}"}};

const Sign* sign_at(std::string_view text, std::size_t i) {
    for (const Sign& sign : kSigns) {
        if (text.substr(i, sign.utf8.size()) == sign.utf8) return &sign;
    }
    return nullptr;
}

}  // namespace

std::string latex_text(std::string_view text) {
    // xml_safe_text repairs UTF-8 and drops control characters except tab and newline.
    const std::string clean = xml_safe_text(text);
    std::string out;
    out.reserve(clean.size() + clean.size() / 4);
    for (std::size_t i = 0; i < clean.size(); ++i) {
        if (const Sign* sign = sign_at(clean, i)) {
            out += sign->command;
            i += sign->utf8.size() - 1;
            continue;
        }
        const char c = clean[i];
        if (const char* replacement = replacement_of(c)) {
            out += replacement;
        } else {
            out += c;
        }
        if (joins_next(c) && i + 1 < clean.size() && joins_next(clean[i + 1])) out += "{}";
    }
    return out;
}

bool latex_safe_path(std::string_view path) {
    if (path.empty()) return false;
    for (char c : path) {
        const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        const bool digit = c >= '0' && c <= '9';
        if (!letter && !digit && c != '.' && c != '_' && c != '-' && c != '/' && c != '+')
            return false;
    }
    return true;
}

}  // namespace strata::emit
