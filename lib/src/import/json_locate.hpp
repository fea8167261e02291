#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strata::keras {

// A 1-based line and column (in bytes) of a JSON text.
struct TextPosition {
    std::size_t line = 0;
    std::size_t column = 0;
};

// Where the value a JSON path names ("config.layers[2].config.units", as the Keras readers
// name places in their errors) starts in `text`. Nullopt when the text is not a JSON object or
// list as written (a double-encoded document), or the path names nothing in it. Only errors
// ask, so the text is scanned again rather than positions kept for every value; the scan is
// linear and iterative (the text has passed the depth and size checks already).
std::optional<TextPosition> locate_json_path(std::string_view text, std::string_view path);

// The line and column of each offset of `text` (nullopt stays nullopt), in one pass over the
// text up to the largest offset; the offsets may come in any order.
std::vector<std::optional<TextPosition>> positions_of(
    std::string_view text, const std::vector<std::optional<std::size_t>>& offsets);

}  // namespace strata::keras
