#include "layout/decorations/caption_breaks.hpp"

#include <cstddef>

namespace strata::layout {
namespace {

bool breaks_after(char c) {
    return c == '_' || c == '.' || c == '/' || c == '-';
}

// The line cut after each separator and before each space.
std::vector<std::string_view> pieces_of(std::string_view line) {
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const bool cut_after = breaks_after(line[i]) && i + 1 < line.size();
        const bool cut_before = line[i] == ' ' && i > start;
        if (cut_before) {
            pieces.push_back(line.substr(start, i - start));
            start = i;
        }
        if (cut_after) {
            pieces.push_back(line.substr(start, i + 1 - start));
            start = i + 1;
        }
    }
    if (start < line.size()) pieces.push_back(line.substr(start));
    return pieces;
}

std::string_view without_leading_space(std::string_view piece) {
    while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
    return piece;
}

// Characters, not bytes: "5–6" is three, as a reader counts it.
std::size_t characters_in(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

}  // namespace

std::vector<std::string> caption_text_lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = text.find('\n', start);
        lines.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) return lines;
        start = end + 1;
    }
}

std::vector<std::string> broken_caption_line(
    std::string_view line, double width, const std::function<double(std::string_view)>& advance) {
    const std::vector<std::string_view> pieces = pieces_of(line);
    if (pieces.size() < 2 || advance(line) <= width) return {std::string(line)};
    constexpr std::size_t kShortestTail = 3;
    std::vector<std::string> lines;
    double used = 0;
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        const std::string_view piece = pieces[k];
        const double w = advance(piece);
        const bool last = k + 1 == pieces.size();
        const bool short_tail =
            last && characters_in(without_leading_space(piece)) <= kShortestTail;
        if (!lines.empty() && (used + w <= width || short_tail)) {
            lines.back() += piece;
            used += w;
            continue;
        }
        const std::string_view start = without_leading_space(piece);
        if (start.empty()) continue;
        lines.emplace_back(start);
        used = advance(start);
    }
    return lines;
}

}  // namespace strata::layout
