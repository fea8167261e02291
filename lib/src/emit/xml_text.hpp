#pragma once

#include <string>
#include <string_view>

namespace strata::emit {

// `text` made safe for an XML 1.0 attribute or text node: each invalid UTF-8 sequence becomes
// U+FFFD, control characters other than tab and newline (C0, DEL, C1) and the non-characters
// (unicode::is_noncharacter) are dropped. Escaping of < & " stays with the XML writer.
std::string xml_safe_text(std::string_view text);

// `text` as a valid XML id (an NCName): sanitised like xml_safe_text, every character that is
// not allowed in a name replaced by '_', and '_' put in front of an invalid first character.
// `fallback` when `text` is empty.
std::string xml_safe_id(std::string_view text, std::string_view fallback);

}  // namespace strata::emit
