#include "import/onnx/utf8_text.hpp"

namespace strata::onnx_import {
namespace {

// Length of the valid UTF-8 sequence at `pos`, or 0.
std::size_t sequence_length(std::string_view s, std::size_t pos) {
    const auto c = static_cast<unsigned char>(s[pos]);
    std::size_t length = 0;
    unsigned min = 0;
    if (c < 0x80) return 1;
    if ((c & 0xe0) == 0xc0)
        length = 2, min = 0x80;
    else if ((c & 0xf0) == 0xe0)
        length = 3, min = 0x800;
    else if ((c & 0xf8) == 0xf0)
        length = 4, min = 0x10000;
    else
        return 0;
    if (pos + length > s.size()) return 0;
    unsigned code = c & (0x7f >> length);
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(s[pos + i]);
        if ((next & 0xc0) != 0x80) return 0;
        code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return 0;
    return length;
}

}  // namespace

std::string clean_text(std::string_view text, std::size_t max_bytes) {
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t length = sequence_length(text, pos);
        std::string_view piece =
            length == 0 ? std::string_view("\xef\xbf\xbd") : text.substr(pos, length);
        pos += length == 0 ? 1 : length;
        if (piece.size() == 1 && (static_cast<unsigned char>(piece[0]) < 0x20 || piece[0] == 0x7f))
            piece = " ";
        if (out.size() + piece.size() > max_bytes) break;
        out.append(piece);
    }
    return out;
}

}  // namespace strata::onnx_import
