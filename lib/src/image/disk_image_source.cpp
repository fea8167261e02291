#include "image/disk_image_source.hpp"

#include "image/image_file.hpp"

namespace strata::image {

Picture DiskImageSource::load(const std::string& name) {
    return read_image(name, named_);
}

}  // namespace strata::image
