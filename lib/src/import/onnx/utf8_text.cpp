#include "import/onnx/utf8_text.hpp"

#include "text/unicode_text.hpp"

namespace strata::onnx_import {

std::string clean_text(std::string_view text, std::size_t max_bytes) {
    // Made valid first, then cut between characters: a cut inside one would make a new
    // invalid sequence.
    const std::string line = unicode::valid_line(text);
    if (line.size() <= max_bytes) return line;
    std::size_t end = 0;
    for (std::size_t pos = 0; pos < line.size();) {
        std::size_t next = pos;
        unicode::decode_next(line, next);
        if (next > max_bytes) break;
        end = pos = next;
    }
    return line.substr(0, end);
}

}  // namespace strata::onnx_import
