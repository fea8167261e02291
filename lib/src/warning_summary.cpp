#include "strata/warning_summary.hpp"

#include <string>
#include <unordered_map>

namespace strata {
namespace {

// What makes two warnings alike: their message with each quoted name left empty and each
// number written as '#' ("no layer is named 'nosuch7'" is like "... named 'nosuch8'").
std::string kind_of(const std::string& message) {
    std::string kind;
    kind.reserve(message.size());
    bool quoted = false;
    for (std::size_t i = 0; i < message.size(); ++i) {
        const char c = message[i];
        if (c == '\'') {
            quoted = !quoted;
            kind += c;
        } else if (quoted) {
            continue;
        } else if (c >= '0' && c <= '9') {
            if (kind.empty() || kind.back() != '#') kind += '#';
        } else {
            kind += c;
        }
    }
    return kind;
}

}  // namespace

Warnings with_repeats_counted(const Warnings& warnings, std::size_t shown) {
    std::vector<std::string> kinds;
    kinds.reserve(warnings.size());
    std::unordered_map<std::string, std::size_t> total;
    for (const Warning& w : warnings) ++total[kinds.emplace_back(kind_of(w.message))];
    Warnings out;
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < warnings.size(); ++i) {
        const std::size_t k = ++seen[kinds[i]];
        if (k > shown) continue;
        out.push_back(warnings[i]);
        const std::size_t all = total[kinds[i]];
        if (k == shown && all > shown) {
            const std::size_t more = all - shown;
            out.push_back({"", std::to_string(more) + " more warning" + (more == 1 ? "" : "s") +
                                   " like the one above"});
        }
    }
    return out;
}

}  // namespace strata
