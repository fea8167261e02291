#pragma once

#include <string>

namespace strata {

// A picture the options name (a face image, a logo), sized and ready to embed: emitters embed
// or paint its bytes, the layout only needs its size.
struct Picture {
    std::string file;              // the name it was asked for by
    std::string mime_type;         // image/png, image/jpeg or image/svg+xml
    std::string data;              // the picture's bytes
    double width = 0, height = 0;  // pixels (SVG: its width/height or viewBox, in CSS px)
};

// Where the layout gets the pictures the options name. The layout never opens a file: the
// default source (disk_image_source() in strata/layout_context.hpp) reads them from disk,
// recognised by content and within the size limits; a host may serve them from memory.
class ImageSource {
  public:
    virtual ~ImageSource() = default;
    // The picture named `name` (a path for the default source). Throws strata::Error whose
    // message starts with "NAME: " when it cannot be had.
    virtual Picture load(const std::string& name) = 0;
};

}  // namespace strata
