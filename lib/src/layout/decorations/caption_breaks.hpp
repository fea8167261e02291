#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace strata::layout {

// The lines of a caption, split at each '\n'; an empty text is one empty line.
std::vector<std::string> caption_text_lines(std::string_view text);

// A caption line broken into lines about `width` wide where a name may break: after '_', '.',
// '/' or '-', or at a space (which is dropped). `advance` gives the width of a piece; pieces
// are measured once each, so the work is linear in the text. A piece wider than `width` stays
// whole, and a last piece of three bytes or fewer stays with the line before it ("conv2d_1",
// not "conv2d_" over "1").
std::vector<std::string> broken_caption_line(
    std::string_view line, double width, const std::function<double(std::string_view)>& advance);

}  // namespace strata::layout
