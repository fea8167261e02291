#include "image/image_file.hpp"

#include "image/image_header.hpp"
#include "input/input_file.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"

namespace strata::image {

Picture parse_image(std::string file, std::string data) {
    const ImageHeader header = read_header(data, file);
    if (!(header.width > 0 && header.height > 0)) {
        throw Error(file, "image has an empty size");
    }
    if (header.width > limits::kMaxImageSide || header.height > limits::kMaxImageSide ||
        header.width * header.height > limits::kMaxImagePixels) {
        throw Error(
            file, "image is too large (" + std::to_string(static_cast<long long>(header.width)) +
                      " x " + std::to_string(static_cast<long long>(header.height)) +
                      " pixels; at most " +
                      std::to_string(static_cast<long long>(limits::kMaxImageSide)) + " per side)");
    }
    Picture image;
    image.file = std::move(file);
    image.mime_type = header.mime_type;
    image.data = std::move(data);
    image.width = header.width;
    image.height = header.height;
    return image;
}

// How messages name a picture file being read.
constexpr std::string_view kWhat = "image file";

Picture read_image(const std::string& path, const ModelNamedFiles& named) {
    std::string data = io::read_input_file(path, limits::kMaxImageBytes, kWhat, named);
    if (data.size() > limits::kMaxImageBytes) {
        throw Error(path, "image file is larger than " +
                              std::to_string(limits::kMaxImageBytes >> 20) + " MiB");
    }
    return parse_image(path, std::move(data));
}

}  // namespace strata::image

namespace strata {

std::string missing_picture_message() {
    return io::no_such_file(image::kWhat);
}

}  // namespace strata
