#pragma once

#include <cstdint>
#include <string>

namespace strata::emit {

// Pixels as cairo's ARGB32 image surface holds them: rows of native-endian 32-bit words,
// alpha in the top byte, colour premultiplied by alpha.
struct PremultipliedArgbImage {
    const unsigned char* data = nullptr;
    int width = 0, height = 0, stride = 0;  // stride in bytes
};

// Encodes the image as an 8-bit PNG: RGB when every pixel is opaque, RGBA otherwise, colours
// unpremultiplied exactly as cairo's own PNG writer does. Tuned for diagrams, whose rows are
// mostly runs of one colour and repeats of the row above: fast deflate settings instead of
// cairo's fixed ones, for files of similar size at a fraction of the time.
std::string encode_png(const PremultipliedArgbImage& image);

}  // namespace strata::emit
