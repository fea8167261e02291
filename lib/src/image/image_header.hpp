#pragma once

#include <string>
#include <string_view>

namespace strata::image {

struct ImageHeader {
    std::string mime_type;
    double width = 0, height = 0;
};

// The format (by magic bytes) and pixel size of a PNG (IHDR), JPEG (first SOFn marker) or
// SVG (width/height, else viewBox) file. Throws strata::Error naming `file` otherwise.
ImageHeader read_header(std::string_view data, const std::string& file);

}  // namespace strata::image
