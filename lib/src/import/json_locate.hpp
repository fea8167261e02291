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

// Where each of `paths` starts, in one linear scan of `text` that enters only the values on
// the way to a wanted path: the places of every layer of a model at once. Nullopt for a path
// that names nothing, and for all of them when the text is not a JSON object or list as
// written.
std::vector<std::optional<TextPosition>> locate_json_paths(std::string_view text,
                                                           const std::vector<std::string>& paths);

}  // namespace strata::keras
