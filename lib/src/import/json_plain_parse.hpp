#pragma once

#include <string_view>

#include "import/json_tree_builder.hpp"

namespace strata::keras {

// Feeds `builder` the SAX events of `text` when the text is plain JSON: strings of printable
// ASCII with no escape but \" \\ \/ \b \f \n \r \t, integers of at most 18 digits, numbers as
// JSON writes them. That is what model files hold, and this reads it in a fraction of the
// time nlohmann's lexer takes, making the same events and so the same tree. Returns false for
// anything else (\u escapes, other bytes, any syntax error): the caller then parses the text
// again with nlohmann's parser, which gives the same tree or the exact error and place.
bool parse_plain_json(std::string_view text, JsonTreeBuilder& builder);

}  // namespace strata::keras
