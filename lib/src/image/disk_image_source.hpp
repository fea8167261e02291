#pragma once

#include <utility>

#include "strata/image_source.hpp"
#include "strata/model_files.hpp"

namespace strata::image {

// The default image source: each name is a path, read from disk and recognised by content
// (read_image), beneath the model's folder when `named` says a model file named it; nothing
// is cached here, the layout asks once per picture.
class DiskImageSource final : public ImageSource {
  public:
    explicit DiskImageSource(ModelNamedFiles named = {}) : named_(std::move(named)) {}
    Picture load(const std::string& name) override;

  private:
    ModelNamedFiles named_;
};

}  // namespace strata::image
