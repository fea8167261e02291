#pragma once

#include <string>
#include <string_view>

namespace strata {

// `text` fit to print as one terminal line: valid UTF-8 without control characters,
// bidirectional controls shown as <U+202E>, at most 1000 characters (a longer text keeps its
// start and end around "…"). strata::Error's what() and message() are already so; warnings
// and usage errors go through it before they are printed.
std::string printable_line(std::string_view text);

}  // namespace strata
