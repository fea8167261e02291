#include "emit/hex_color.hpp"

namespace strata::emit {
namespace {

void append_hex_byte(std::string& out, std::uint8_t byte) {
    constexpr char kDigits[] = "0123456789abcdef";
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0xF];
}

}  // namespace

std::string hex_rgb(Rgba color) {
    std::string text;
    append_hex_rgb(text, color);
    return text;
}

void append_hex_rgb(std::string& out, Rgba color) {
    out += '#';
    append_hex_byte(out, color.r);
    append_hex_byte(out, color.g);
    append_hex_byte(out, color.b);
}

std::string hex_rgba(Rgba color) {
    return to_hex(color);
}

double opacity(Rgba color) {
    return color.a / 255.0;
}

}  // namespace strata::emit
