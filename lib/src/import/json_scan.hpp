#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace strata::json_scan {

// 1-based line and column of a byte offset in a text (columns count bytes).
struct TextPosition {
    std::size_t line = 1;
    std::size_t column = 1;
};

TextPosition position_of(std::string_view text, std::size_t offset);

// Offset of the first bracket that opens a level deeper than `max_depth`, counting only
// brackets outside JSON strings; nullopt when the text stays within the limit.
std::optional<std::size_t> find_excess_nesting(std::string_view text, std::size_t max_depth);

// Offset of the token that starts value number `max_values` + 1 (arrays, objects, keys and
// scalars all count), found from the separators outside JSON strings; nullopt when the text
// holds at most `max_values` values.
std::optional<std::size_t> find_excess_values(std::string_view text, std::size_t max_values);

// Offset of the opening quote of the first JSON string longer than `max_bytes` as written
// (escapes included, so never shorter than the string it stands for); nullopt when there is
// none. A text that is one string (a model saved as the JSON string of its JSON) is allowed
// `max_whole_bytes` for that string. Used before the JSON library copies any string.
std::optional<std::size_t> find_long_string(std::string_view text, std::size_t max_bytes,
                                            std::size_t max_whole_bytes);

// The three checks above in one pass over the text, each answer as its own function gives
// it: a large model's text is read once instead of three times.
struct ExcessFound {
    std::optional<std::size_t> nesting;
    std::optional<std::size_t> values;
    std::optional<std::size_t> long_string;
};
ExcessFound find_excess(std::string_view text, std::size_t max_depth, std::size_t max_values,
                        std::size_t max_string_bytes, std::size_t max_whole_bytes);

// The text without a leading UTF-8 byte order mark.
std::string_view strip_byte_order_mark(std::string_view text);

// True when the text holds nothing but JSON whitespace.
bool is_blank(std::string_view text);

}  // namespace strata::json_scan
