#include "image/image_file.hpp"

#include <fstream>
#include <iterator>

#include "image/image_header.hpp"
#include "strata/error.hpp"

namespace strata::image {

ImageFile parse_image(std::string file, std::string data) {
    const ImageHeader header = read_header(data, file);
    if (!(header.width > 0 && header.height > 0)) {
        throw Error(file, "image has an empty size");
    }
    if (header.width > kMaxImageSide || header.height > kMaxImageSide ||
        header.width * header.height > kMaxImagePixels) {
        throw Error(file, "image is too large (" +
                              std::to_string(static_cast<long long>(header.width)) + " x " +
                              std::to_string(static_cast<long long>(header.height)) +
                              " pixels; at most " +
                              std::to_string(static_cast<long long>(kMaxImageSide)) + " per side)");
    }
    ImageFile image;
    image.file = std::move(file);
    image.mime_type = header.mime_type;
    image.data = std::move(data);
    image.width = header.width;
    image.height = header.height;
    return image;
}

ImageFile read_image(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path, "cannot open image file");
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0) throw Error(path, "cannot read image file");
    if (static_cast<unsigned long long>(size) > kMaxImageBytes) {
        throw Error(path,
                    "image file is larger than " + std::to_string(kMaxImageBytes >> 20) + " MiB");
    }
    in.seekg(0, std::ios::beg);
    std::string data(static_cast<std::size_t>(size), '\0');
    if (!in.read(data.data(), size)) throw Error(path, "cannot read image file");
    return parse_image(path, std::move(data));
}

}  // namespace strata::image
