#include "text/unicode_text.hpp"

namespace strata::unicode {
namespace {

bool is_plain_ascii(std::string_view text, bool keep_line_breaks) {
    for (const char c : text) {
        if ((c < 0x20 || c > 0x7E) && !(keep_line_breaks && c == '\n')) return false;
    }
    return true;
}

std::string sanitised(std::string_view text, bool keep_line_breaks) {
    if (is_plain_ascii(text, keep_line_breaks)) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = decode_next(text, pos);
        if (c == '\t' || (c == '\n' && !keep_line_breaks)) {
            c = ' ';
        } else if (c != '\n' && (is_control(c) || is_noncharacter(c))) {
            c = kReplacementCharacter;
        }
        append_utf8(c, out);
    }
    return out;
}

// "<U+202E>": a character a message must not send to a terminal as it is.
std::string shown_code_point(char32_t c) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string digits;
    const int first = c > 0xFFFFF ? 20 : c > 0xFFFF ? 16 : 12;  // at least four digits
    for (int shift = first; shift >= 0; shift -= 4) digits += kHex[(c >> shift) & 0xF];
    return "<U+" + digits + ">";
}

}  // namespace

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
        return kReplacementCharacter;
    }
    std::size_t i = pos + 1;
    for (; i < pos + length; ++i) {
        const bool second = i == pos + 1;
        if (i >= text.size() || byte(i) < (second ? low : 0x80) ||
            byte(i) > (second ? high : 0xBF)) {
            pos = i;
            return kReplacementCharacter;
        }
        value = (value << 6) | (byte(i) & 0x3F);
    }
    pos = i;
    return value;
}

void append_utf8(char32_t c, std::string& out) {
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
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

bool is_noncharacter(char32_t c) {
    return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

std::string valid_text(std::string_view text) {
    return sanitised(text, true);
}

std::string valid_line(std::string_view text) {
    return sanitised(text, false);
}

bool is_valid_text(std::string_view text) {
    return is_plain_ascii(text, true) || valid_text(text) == text;
}

bool is_bidi_control(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
           c == 0x200F || c == 0x061C;
}

bool is_line_separator(char32_t c) {
    return c == 0x0085 || c == 0x2028 || c == 0x2029;
}

bool is_invisible_format(char32_t c) {
    return c == 0x00AD || c == 0x180E || (c >= 0x200B && c <= 0x200D) ||
           (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB) ||
           (c >= 0xE0000 && c <= 0xE007F);
}

std::string excerpt(std::string_view text, std::size_t max_characters) {
    std::string out;
    std::size_t shown = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        if (shown == max_characters) return out + "\u2026";
        char32_t c = decode_next(text, pos);
        ++shown;
        if (is_bidi_control(c) || is_line_separator(c) || is_invisible_format(c)) {
            out += shown_code_point(c);
            continue;
        }
        if (c == '\t' || c == '\n') {
            c = ' ';
        } else if (is_control(c) || is_noncharacter(c)) {
            c = kReplacementCharacter;
        }
        append_utf8(c, out);
    }
    return out;
}

std::string message_line(std::string_view text) {
    std::string line = excerpt(text, std::string_view::npos);
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < line.size(); ++count) decode_next(line, pos);
    if (count <= kMaxMessageCharacters) return line;
    // Keep 70 % from the start, 30 % from the end.
    const std::size_t head = kMaxMessageCharacters * 7 / 10;
    const std::size_t tail = kMaxMessageCharacters - head - 1;
    std::size_t head_end = 0, tail_start = 0;
    for (std::size_t pos = 0, i = 0; pos < line.size(); ++i) {
        if (i == head) head_end = pos;
        if (i == count - tail) tail_start = pos;
        decode_next(line, pos);
    }
    return line.substr(0, head_end) + "\u2026" + line.substr(tail_start);
}

}  // namespace strata::unicode
