#pragma once

#include <string>
#include <string_view>

// Every piece of text that comes from a model or an option file is untrusted bytes. These
// helpers turn such bytes into valid Unicode before anything is measured, laid out or written.
namespace strata::unicode {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// Decodes the code point at `pos` and moves `pos` past it. An invalid sequence yields U+FFFD
// and skips only its maximal valid prefix (at least one byte), as Unicode recommends.
char32_t decode_next(std::string_view text, std::size_t& pos);

// Appends `c` (at most U+10FFFF, no surrogate) as UTF-8.
void append_utf8(char32_t c, std::string& out);

// C0 controls, DEL and C1 controls.
bool is_control(char32_t c);

// The 66 non-characters: U+FDD0–U+FDEF and the last two code points of every plane
// (U+FFFE, U+FFFF, U+1FFFE … U+10FFFF). Renderers such as cairo refuse them as text.
bool is_noncharacter(char32_t c);

// `text` as valid UTF-8 fit for a caption, a name or an attribute: invalid sequences, NUL and
// every control character except the line break become U+FFFD, a tab becomes a space, and the
// non-characters (is_noncharacter) become U+FFFD. Valid printable text comes back unchanged.
std::string valid_text(std::string_view text);

// The same, on one line: a line break becomes a space too (for messages printed to a terminal).
std::string valid_line(std::string_view text);

// True when valid_text(text) == text.
bool is_valid_text(std::string_view text);

// The explicit bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069) and marks
// (U+200E, U+200F, U+061C). In a caption they are text; in a message they could make a
// terminal show a name other than the one the file holds.
bool is_bidi_control(char32_t c);

// The characters other than the line feed that end a line: NEL (U+0085), the line separator
// (U+2028) and the paragraph separator (U+2029). Terminals and editors may break a message
// at them.
bool is_line_separator(char32_t c);

// Format characters that draw nothing and so hide text on a terminal: soft hyphen, zero-width
// space and joiners, word joiner and invisible operators, byte-order mark, interlinear
// annotation marks, tag characters.
bool is_invisible_format(char32_t c);

// The longest message line, in characters.
inline constexpr std::size_t kMaxMessageCharacters = 1000;

// `text` fit to quote in a message: valid_line, at most `max_characters` characters, then
// "…" when it was longer; bidirectional controls and line separators shown as <U+202E>.
// Messages quote through strata::printable_text (strata/printable.hpp), which uses this.
std::string excerpt(std::string_view text, std::size_t max_characters);

// A whole message fit for a terminal: valid_line, bidirectional controls and line separators
// shown as <U+202E>,
// and at most kMaxMessageCharacters characters: a longer one keeps its start and its end
// (which say where and what was expected) with "…" between.
std::string message_line(std::string_view text);

}  // namespace strata::unicode
