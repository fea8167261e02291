#pragma once

#include <map>
#include <string>
#include <variant>

#include "image/image_file.hpp"

namespace strata::layout {

// Loads each picture file of one layout once; a file that fails to load keeps its error, so
// every layer that asks for it is told the same reason.
class ImageStore {
  public:
    // The picture, or nullptr with `error` set to why it could not be loaded.
    const image::ImageFile* load(const std::string& path, std::string& error);

  private:
    std::map<std::string, std::variant<image::ImageFile, std::string>> files_;
};

// An image error without the leading "PATH: " (for messages that name the file already).
std::string without_path(const std::string& error, const std::string& path);

}  // namespace strata::layout
