#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace strata::emit {

class RunLengthDeflate;

// Pixels as cairo's ARGB32 image surface holds them: rows of native-endian 32-bit words,
// alpha in the top byte, colour premultiplied by alpha.
struct PremultipliedArgbImage {
    const unsigned char* data = nullptr;
    int width = 0, height = 0, stride = 0;  // stride in bytes
};

// Encodes an 8-bit PNG from rows handed over in strips, top to bottom, so that a large image
// never has to exist in memory at once. RGB or RGBA as chosen up front; colours are
// unpremultiplied exactly as cairo's own PNG writer does. Tuned for diagrams, whose rows are
// mostly runs of one colour and repeats of the row above, which filter into runs of zeros
// (see RunLengthDeflate).
class PngEncoder {
  public:
    PngEncoder(int width, int height, bool with_alpha);
    ~PngEncoder();
    PngEncoder(const PngEncoder&) = delete;
    PngEncoder& operator=(const PngEncoder&) = delete;

    // The next rows of the image; `rows.width` must be the image's width.
    void add_rows(const PremultipliedArgbImage& rows);
    // The whole file; all rows must have been added.
    std::string finish();

  private:
    int width_, height_, rows_done_ = 0;
    bool with_alpha_;
    std::size_t channels_, row_bytes_;
    std::vector<std::uint32_t> previous_pixels_;
    std::vector<unsigned char> filtered_;
    std::unique_ptr<RunLengthDeflate> deflater_;
};

// The whole image at once: RGB when every pixel is opaque, RGBA otherwise.
std::string encode_png(const PremultipliedArgbImage& image);

}  // namespace strata::emit
