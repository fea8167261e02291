#include "emit/xml_text.hpp"

#include <cstddef>

#include "text/unicode_text.hpp"

namespace strata::emit {
namespace {

using unicode::decode_next;

void encode(char32_t c, std::string& out) {
    unicode::append_utf8(c, out);
}

bool is_control(char32_t c) {
    return c != '\t' && c != '\n' && unicode::is_control(c);
}

bool is_kept(char32_t c) {
    return !is_control(c) && !unicode::is_noncharacter(c);
}

// XML 1.0 NameStartChar without ':' (ids must also be valid in a namespace-aware parser).
bool is_name_start(char32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
           (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) ||
           (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) ||
           (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) ||
           (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) ||
           (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0xEFFFF);
}

bool is_name_char(char32_t c) {
    return is_name_start(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 ||
           (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

// Printable ASCII, tab and newline pass through unchanged: the common case needs no decoding.
bool is_plain_text(std::string_view text) {
    for (const char c : text) {
        if ((c < 0x20 || c > 0x7E) && c != '\t' && c != '\n') return false;
    }
    return true;
}

bool is_plain_name(std::string_view text) {
    if (text.empty() || !is_name_start(static_cast<unsigned char>(text.front()))) return false;
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80 || !is_name_char(static_cast<unsigned char>(c)))
            return false;
    }
    return true;
}

}  // namespace

std::string xml_safe_text(std::string_view text) {
    if (is_plain_text(text)) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t c = decode_next(text, pos);
        if (is_kept(c)) encode(c, out);
    }
    return out;
}

std::string xml_safe_id(std::string_view text, std::string_view fallback) {
    if (is_plain_name(text)) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = decode_next(text, pos);
        if (!is_kept(c)) continue;
        if (!is_name_char(c)) c = '_';
        if (out.empty() && !is_name_start(c)) out += '_';
        encode(c, out);
    }
    return out.empty() ? std::string(fallback) : out;
}

}  // namespace strata::emit
