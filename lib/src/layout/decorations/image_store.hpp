#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <variant>

#include "strata/image_source.hpp"

namespace strata::layout {

// Asks the image source for each picture of one layout once; a picture that fails to load
// keeps its error, so every layer that asks for it is told the same reason. An SVG picture
// is kept sanitised (sanitize_svg_picture), whatever source served it. Every placement
// shares the loaded picture's bytes. The distinct pictures of a figure stay within
// limits::kMaxFigurePictureBytes and kMaxFigurePicturePixels together.
class ImageStore {
  public:
    explicit ImageStore(ImageSource& source) : source_(source) {}

    // The picture, or nullptr with `error` set to why it could not be loaded. Throws
    // strata::Error naming the picture when it would take the figure's pictures past their
    // limits.
    const Picture* load(const std::string& name, std::string& error);

  private:
    void count(const std::string& name, const Picture& picture);

    ImageSource& source_;
    std::map<std::string, std::variant<Picture, std::string>> pictures_;
    std::size_t bytes_ = 0;
    double pixels_ = 0;
};

// An image error without the leading "NAME: " (for messages that name the picture already).
std::string without_path(const std::string& error, const std::string& name);

}  // namespace strata::layout
