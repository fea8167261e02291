#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace strata::keras {

// Parses a JSON model document. A byte order mark is skipped; a document that is itself a
// JSON string holding JSON (a double-encoded model) is unwrapped. Syntax errors throw
// strata::Error with the 1-based line and column; nesting deeper than limits::kMaxJsonDepth
// is refused before parsing.
nlohmann::ordered_json parse_json_document(std::string_view text, const std::string& file);

}  // namespace strata::keras
