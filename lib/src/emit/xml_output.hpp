#pragma once

#include <string>

#include <pugixml.hpp>

namespace strata::emit {

// Indentation and flags of every SVG strata writes.
inline constexpr const char* kXmlIndent = "  ";
inline constexpr unsigned kXmlFormat = pugi::format_indent;

// Appends the text pugixml writes for `node` (and its subtree) at `depth` levels of
// indentation, exactly as it would appear inside a whole saved document.
void append_printed(std::string& out, pugi::xml_node node, unsigned depth);

// Appends the text of a whole document (declaration included).
void append_saved(std::string& out, const pugi::xml_document& document);

// The name of the single empty element that marks where streamed children go: printing a
// parent element with this child and cutting its line out gives the parent's opening and
// closing text, so large documents are written piece by piece instead of as one DOM.
inline constexpr const char* kChildrenMarker = "strata-children-go-here";

// The text before and after the marker line of `printed`.
struct Shell {
    std::string head, tail;
};
Shell split_at_marker(const std::string& printed);

}  // namespace strata::emit
