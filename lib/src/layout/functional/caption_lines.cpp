#include "layout/functional/caption_lines.hpp"

#include <string_view>

namespace strata::layout::functional {
namespace {

bool separator(char c) {
    return std::string_view("_ ,-/.").find(c) != std::string_view::npos;
}

std::string trimmed(const std::string& s) {
    const std::size_t first = s.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

}  // namespace

std::vector<std::string> broken_lines(const std::vector<std::string>& lines, double most,
                                      TextMeasurer& text, const FontSpec& font) {
    std::vector<std::string> out;
    for (const std::string& line : lines) {
        if (text.measure(line, font).right <= most) {
            out.push_back(line);
            continue;
        }
        // Pieces that end at a separator, joined while they fit.
        std::vector<std::string> pieces;
        std::string piece;
        for (char c : line) {
            piece += c;
            if (separator(c)) {
                pieces.push_back(piece);
                piece.clear();
            }
        }
        if (!piece.empty()) pieces.push_back(piece);
        std::string current;
        for (const std::string& p : pieces) {
            const std::string joined = current + p;
            if (current.empty() || text.measure(trimmed(joined), font).right <= most) {
                current = joined;
            } else {
                out.push_back(trimmed(current));
                current = p;
            }
        }
        if (!trimmed(current).empty()) out.push_back(trimmed(current));
    }
    return out;
}

}  // namespace strata::layout::functional
