#include "layout/graph/short_labels.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace strata::layout::graph {
namespace {

bool is_digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Where each code point of `text` starts.
std::vector<std::size_t> code_point_starts(std::string_view text) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    return starts;
}

// "Add_1", "Concat", "MatMul": an ONNX op type, maybe numbered.
bool is_op_name(std::string_view part) {
    if (part.empty() || std::isupper(static_cast<unsigned char>(part[0])) == 0) return false;
    std::size_t i = 0;
    while (i < part.size() && std::isalpha(static_cast<unsigned char>(part[i])) != 0) ++i;
    if (i == part.size()) return true;
    if (part[i] != '_' || i + 1 == part.size()) return false;
    return std::all_of(part.begin() + static_cast<long>(i) + 1, part.end(), is_digit);
}

}  // namespace

std::size_t label_length(std::string_view text) {
    return code_point_starts(text).size();
}

std::string short_label(std::string_view text, std::size_t most) {
    const std::vector<std::size_t> starts = code_point_starts(text);
    if (starts.size() <= most || most < 3) return std::string(text);
    const std::size_t head = (most - 1) / 2, tail = most - 1 - head;
    return std::string(text.substr(0, starts[head])) + "\u2026" +
           std::string(text.substr(starts[starts.size() - tail]));
}

std::string without_op_suffix(std::string_view name) {
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return std::string(name);
    if (!is_op_name(name.substr(dot + 1))) return std::string(name);
    return std::string(name.substr(0, dot));
}

std::string range_label(std::string_view first_name, std::string_view last_name) {
    const std::string first = without_op_suffix(first_name), last = without_op_suffix(last_name);
    if (first == last) return short_label(first);
    std::size_t prefix = 0;
    while (prefix < first.size() && prefix < last.size() && first[prefix] == last[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < first.size() - prefix && suffix < last.size() - prefix &&
           first[first.size() - 1 - suffix] == last[last.size() - 1 - suffix])
        ++suffix;
    // Keep whole numbers: back the prefix up to the start of a digit run, and the suffix to
    // its end.
    while (prefix > 0 && is_digit(first[prefix - 1])) --prefix;
    while (suffix > 0 && is_digit(first[first.size() - suffix])) --suffix;
    const std::string a = first.substr(prefix, first.size() - prefix - suffix);
    const std::string b = last.substr(prefix, last.size() - prefix - suffix);
    // A number, or a number and a letter ("6c"), on both sides: one range.
    const auto numbered = [](const std::string& s) {
        std::size_t i = 0;
        while (i < s.size() && is_digit(s[i])) ++i;
        return i > 0 && (i == s.size() || (i + 1 == s.size() &&
                                           std::islower(static_cast<unsigned char>(s[i])) != 0));
    };
    if (!a.empty() && !b.empty() && numbered(a) && numbered(b)) {
        // "6c"–"6d" → "6c–d": the shared number is written once.
        std::size_t same = 0;
        while (same < a.size() && same < b.size() && a[same] == b[same] && is_digit(a[same]))
            ++same;
        const bool lettered = !is_digit(a.back()) && !is_digit(b.back());
        const std::string b_shown =
            lettered && same == a.size() - 1 && same == b.size() - 1 ? b.substr(same) : b;
        return short_label(first.substr(0, prefix) + a + "\u2013" + b_shown);
    }
    return short_label(first + " \u2013 " + last);
}

}  // namespace strata::layout::graph
