#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace strata {

// Caption templates ({name}\n{shape}) are filled in by the layout, once per layer; their syntax
// is checked where they are read, so that an error names its place in an option file or a
// model spec. One grammar for both: "\n" starts a line, "{{" and "}}" are braces, "{field}" is
// one of the fields below.

// Whether `field` is one a template may name: name, type, shape, index, params, layers,
// in_shape.
bool is_caption_field(std::string_view field);

// The message for a field that is not one of them.
std::string unknown_caption_field(std::string_view field);

// What is wrong with a template's syntax (a brace without its pair, an unknown field), in the
// words the layout would use; nullopt when nothing is.
std::optional<std::string> caption_template_problem(std::string_view text);

}  // namespace strata
