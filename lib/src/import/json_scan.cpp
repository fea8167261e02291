#include "import/json_scan.hpp"

#include <array>
#include <cstring>

namespace strata::json_scan {

TextPosition position_of(std::string_view text, std::size_t offset) {
    if (offset > text.size()) offset = text.size();
    TextPosition position;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
    }
    return position;
}

namespace {

// Walks `text` as JSON: `outside(i, c)` for each character outside strings (an opening quote
// included), `inside(i, closes)` for each character inside one (its closing quote included,
// with `closes` true). Stops at the first call that returns true and gives its offset.
template <typename Outside, typename Inside>
std::optional<std::size_t> walk_json(std::string_view text, Outside outside, Inside inside) {
    bool in_string = false;
    bool escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            const bool closes = !escaped && c == '"';
            if (inside(i, closes)) return i;
            escaped = !escaped && c == '\\';
            in_string = !closes;
        } else {
            if (outside(i, c)) return i;
            in_string = c == '"';
        }
    }
    return std::nullopt;
}

// Calls `structural(c)` for each character outside JSON strings, until it returns true;
// returns that character's offset.
template <typename Structural>
std::optional<std::size_t> find_outside_strings(std::string_view text, Structural structural) {
    return walk_json(
        text, [&](std::size_t, char c) { return structural(c); },
        [](std::size_t, bool) { return false; });
}

}  // namespace

std::optional<std::size_t> find_excess_nesting(std::string_view text, std::size_t max_depth) {
    std::size_t depth = 0;
    return find_outside_strings(text, [&](char c) {
        if (c == '[' || c == '{') return ++depth > max_depth;
        if ((c == ']' || c == '}') && depth > 0) --depth;
        return false;
    });
}

std::optional<std::size_t> find_excess_values(std::string_view text, std::size_t max_values) {
    // Every value but the first follows an opening bracket, a comma or a colon (a key starts
    // after '{' or ','; its value after ':'): counting those counts the values, or one more
    // for an empty array or object, which only makes the bound stricter by one.
    std::size_t values = 1;
    return find_outside_strings(text, [&](char c) {
        return (c == '[' || c == '{' || c == ',' || c == ':') && ++values > max_values;
    });
}

std::optional<std::size_t> find_long_string(std::string_view text, std::size_t max_bytes,
                                            std::size_t max_whole_bytes) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    std::size_t open = 0;
    const auto found = walk_json(
        text,
        [&](std::size_t i, char c) {
            if (c == '"') open = i;
            return false;
        },
        [&](std::size_t i, bool closes) {
            const std::size_t limit = open == first ? max_whole_bytes : max_bytes;
            return i - open - 1 >= limit && !closes;
        });
    if (!found) return std::nullopt;
    return open;
}

ExcessFound find_excess(std::string_view text, std::size_t max_depth, std::size_t max_values,
                        std::size_t max_string_bytes, std::size_t max_whole_bytes) {
    // The bytes the walk looks at outside strings; the rest (digits, letters, spaces) it
    // passes over with one table look-up each.
    static constexpr auto kStructural = [] {
        std::array<bool, 256> table{};
        for (const unsigned char c : {'"', '[', ']', '{', '}', ',', ':'}) table[c] = true;
        return table;
    }();
    ExcessFound found;
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    std::size_t depth = 0;
    std::size_t values = 1;  // counted as find_excess_values does
    std::size_t i = 0;
    // Nesting is reported before the others, so its answer ends the walk.
    while (i < text.size() && !found.nesting) {
        while (i < text.size() && !kStructural[static_cast<unsigned char>(text[i])]) ++i;
        if (i == text.size()) break;
        const char c = text[i];
        if (c == '"') {
            // A string: memchr from one quote to the next; a quote after an odd number of
            // backslashes is escaped.
            const std::size_t open = i;
            std::size_t close = text.size();  // unterminated: runs to the end
            for (std::size_t at = i + 1; at < text.size();) {
                const void* quote = std::memchr(text.data() + at, '"', text.size() - at);
                if (quote == nullptr) break;
                const auto q =
                    static_cast<std::size_t>(static_cast<const char*>(quote) - text.data());
                std::size_t backslashes = 0;
                while (q - backslashes > open + 1 && text[q - backslashes - 1] == '\\')
                    ++backslashes;
                if (backslashes % 2 == 0) {
                    close = q;
                    break;
                }
                at = q + 1;
            }
            const std::size_t limit = open == first ? max_whole_bytes : max_string_bytes;
            // More than `limit` bytes between the quotes (or before the end).
            const std::size_t length = close - open - 1;
            if (!found.long_string && length > limit) found.long_string = open;
            i = close + 1;
            continue;
        }
        if (c == '[' || c == '{') {
            if (++depth > max_depth) found.nesting = i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
        if ((c == '[' || c == '{' || c == ',' || c == ':') && !found.values &&
            ++values > max_values) {
            found.values = i;
        }
        ++i;
    }
    return found;
}

std::string_view strip_byte_order_mark(std::string_view text) {
    constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
    if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
        text.remove_prefix(kByteOrderMark.size());
    }
    return text;
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace strata::json_scan
