#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "import/json_tree_builder.hpp"

namespace strata::keras {

// Parses a JSON model document. A byte order mark is skipped; a document that is itself a
// JSON string holding JSON (a double-encoded model) is unwrapped. Syntax errors throw
// strata::Error with the 1-based line and column; nesting deeper than limits::kMaxJsonDepth
// is refused before parsing. With `offsets`, where each object of the document opens in the
// text after its byte order mark (none for a double-encoded document).
nlohmann::ordered_json parse_json_document(std::string_view text, const std::string& file,
                                           ObjectOffsets* offsets = nullptr);

}  // namespace strata::keras
