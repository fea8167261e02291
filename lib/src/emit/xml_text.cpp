#include "emit/xml_text.hpp"

#include <cstddef>

namespace strata::emit {
namespace {

constexpr char32_t replacement_character = 0xFFFD;

// Decodes one code point at `pos` and advances past it. An invalid sequence yields U+FFFD and
// skips only its maximal valid prefix (at least one byte), as Unicode recommends.
char32_t decode_next(std::string_view text, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    char32_t value = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, value = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, value = lead & 0x0F;
        if (lead == 0xE0) low = 0xA0;   // no overlong forms
        if (lead == 0xED) high = 0x9F;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, value = lead & 0x07;
        if (lead == 0xF0) low = 0x90;   // no overlong forms
        if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
    } else {
        ++pos;
        return replacement_character;
    }
    std::size_t i = pos + 1;
    for (; i < pos + length; ++i) {
        const bool second = i == pos + 1;
        if (i >= text.size() || byte(i) < (second ? low : 0x80) ||
            byte(i) > (second ? high : 0xBF)) {
            pos = i;
            return replacement_character;
        }
        value = (value << 6) | (byte(i) & 0x3F);
    }
    pos = i;
    return value;
}

void encode(char32_t c, std::string& out) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool is_control(char32_t c) {
    return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
}

bool is_kept(char32_t c) {
    return !is_control(c) && c != 0xFFFE && c != 0xFFFF;
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
