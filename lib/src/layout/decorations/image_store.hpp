#pragma once

#include <map>
#include <string>
#include <variant>

#include "strata/image_source.hpp"

namespace strata::layout {

// Asks the image source for each picture of one layout once; a picture that fails to load
// keeps its error, so every layer that asks for it is told the same reason.
class ImageStore {
  public:
    explicit ImageStore(ImageSource& source) : source_(source) {}

    // The picture, or nullptr with `error` set to why it could not be loaded.
    const Picture* load(const std::string& name, std::string& error);

  private:
    ImageSource& source_;
    std::map<std::string, std::variant<Picture, std::string>> pictures_;
};

// An image error without the leading "NAME: " (for messages that name the picture already).
std::string without_path(const std::string& error, const std::string& name);

}  // namespace strata::layout
