#pragma once

#include "strata/image_source.hpp"

namespace strata::image {

// The default image source: each name is a path, read from disk and recognised by content
// (read_image); nothing is cached here, the layout asks once per picture.
class DiskImageSource final : public ImageSource {
  public:
    Picture load(const std::string& name) override;
};

}  // namespace strata::image
