#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// Text from a model, spec or option file is untrusted: printed as it is, it could fill a
// terminal, carry control sequences, or reorder itself with bidirectional controls so that a
// message shows a name other than the one the file holds. Every message, warning and `info`
// line quotes such text through these helpers, and only through them.
namespace strata {

// How many characters of one untrusted text a message quotes.
inline constexpr std::size_t kMaxQuotedCharacters = 200;

// `text` fit to show inside a line: valid UTF-8 without control characters (a line break or
// tab becomes a space), bidirectional controls and line separators (U+0085, U+2028, U+2029)
// shown as <U+202E>, at most kMaxQuotedCharacters
// characters, then "…" when it was longer.
std::string printable_text(std::string_view text);

// printable_text(text) between single quotes: how a message names a layer, a class, an op
// type, a key or a value.
std::string quoted_text(std::string_view text);

// `text` fit to print as one terminal line: as printable_text, but at most 1000 characters (a
// longer text keeps its start and end around "…"). strata::Error's what() and message() are
// already so; warnings and usage errors go through it before they are printed.
std::string printable_line(std::string_view text);

}  // namespace strata
