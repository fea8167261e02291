#pragma once

#include <cstddef>
#include <string>

#include "strata/image_source.hpp"

// Picture files for face images and logos: recognised by their content, sized from their
// header, never decoded here (emitters embed or paint the bytes).
namespace strata::image {

// Largest picture file read into memory.
inline constexpr std::size_t kMaxImageBytes = std::size_t{16} << 20;
// Largest width or height in pixels, and largest pixel count: a raster emitter decodes PNGs,
// so a tiny file declaring a huge size must not get that far.
inline constexpr double kMaxImageSide = 16384;
inline constexpr double kMaxImagePixels = 64.0 * 1024 * 1024;

// Recognises PNG, JPEG or SVG by magic bytes and reads the size from the header. `file` only
// names the picture in messages. Throws strata::Error naming `file` when the bytes are none
// of those formats, the header is broken, or the size is empty or beyond the limits.
Picture parse_image(std::string file, std::string data);

// Reads `path`, a regular file of at most kMaxImageBytes, and parses it. Throws strata::Error
// naming the file.
Picture read_image(const std::string& path);

}  // namespace strata::image
