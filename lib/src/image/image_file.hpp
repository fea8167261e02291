#pragma once

#include <cstddef>
#include <string>

#include "strata/image_source.hpp"
#include "strata/model_files.hpp"

// Picture files for face images and logos: recognised by their content, sized from their
// header, never decoded here (emitters embed or paint the bytes).
namespace strata::image {

// Recognises PNG, JPEG or SVG by magic bytes and reads the size from the header. `file` only
// names the picture in messages. Throws strata::Error naming `file` when the bytes are none
// of those formats, the header is broken, or the size is empty or beyond the limits.
Picture parse_image(std::string file, std::string data);

// Reads `path`, a regular file of at most limits::kMaxImageBytes, and parses it; beneath the
// model's folder when `named` says a model file named it. Throws strata::Error naming the file.
Picture read_image(const std::string& path, const ModelNamedFiles& named = {});

}  // namespace strata::image
