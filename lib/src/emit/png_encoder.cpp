#include "emit/png_encoder.hpp"

#include <zlib.h>

#include <climits>
#include <cstring>
#include <new>
#include <vector>

#include "emit/run_length_deflate.hpp"
#include "strata/error.hpp"

namespace strata::emit {
namespace {

// PNG filter types (ISO/IEC 15948, 9.2).
constexpr unsigned char kFilterSub = 1;
constexpr unsigned char kFilterUp = 2;

void append_u32(std::string& out, std::uint32_t value) {
    const char bytes[4] = {static_cast<char>(value >> 24), static_cast<char>(value >> 16),
                           static_cast<char>(value >> 8), static_cast<char>(value)};
    out.append(bytes, 4);
}

void append_chunk(std::string& out, const char* type, const std::string& payload) {
    append_u32(out, static_cast<std::uint32_t>(payload.size()));
    const std::size_t start = out.size();
    out.append(type, 4);
    out += payload;
    const auto* crc_data = reinterpret_cast<const Bytef*>(out.data() + start);
    append_u32(out, static_cast<std::uint32_t>(crc32_z(0, crc_data, out.size() - start)));
}

bool all_opaque(const PremultipliedArgbImage& image) {
    for (int y = 0; y < image.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(image.data + y * image.stride);
        for (int x = 0; x < image.width; ++x) {
            if ((row[x] >> 24) != 0xFF) return false;
        }
    }
    return true;
}

// A pixel with its colour no longer premultiplied by alpha, with cairo's rounding; still one
// ARGB word.
std::uint32_t straight(std::uint32_t pixel) {
    const unsigned alpha = pixel >> 24;
    if (alpha == 0xFF || alpha == 0) return pixel;
    const auto channel = [&](int shift) {
        return (((pixel >> shift) & 0xFF) * 255 + alpha / 2) / alpha << shift;
    };
    return alpha << 24 | channel(16) | channel(8) | channel(0);
}

// Byte-wise difference of two ARGB words, each byte modulo 256 (no borrow between bytes).
std::uint32_t byte_difference(std::uint32_t a, std::uint32_t b) {
    constexpr std::uint32_t high = 0x80808080u;
    return ((a | high) - (b & ~high)) ^ ((a ^ ~b) & high);
}

// Writes the R, G, B (and with four channels A) bytes of an ARGB word at `out`; with three, one
// spare byte after them, which the next pixel overwrites.
template <std::size_t kChannels>
void store_samples(std::uint32_t argb, unsigned char* out) {
    const unsigned char bytes[4] = {
        static_cast<unsigned char>(argb >> 16), static_cast<unsigned char>(argb >> 8),
        static_cast<unsigned char>(argb),
        kChannels == 4 ? static_cast<unsigned char>(argb >> 24) : static_cast<unsigned char>(0)};
    std::memcpy(out, bytes, 4);
}

// The PNG filter of one row, computed on the pixel words: Up against `above`, or Sub when
// there is no row above. RGBA rows are unpremultiplied first; opaque (RGB) rows need not be.
template <std::size_t kChannels>
void filter_row(const std::uint32_t* pixels, const std::uint32_t* above, int width,
                unsigned char* out) {
    const auto sample = [](std::uint32_t pixel) {
        return kChannels == 4 ? straight(pixel) : pixel;
    };
    if (above != nullptr) {
        int x = 0;
        // Most pixels equal the one above: four at a time become zeros.
        for (; x + 4 <= width; x += 4, out += 4 * kChannels) {
            if (std::memcmp(pixels + x, above + x, 16) == 0) {
                std::memset(out, 0, 4 * kChannels);
                continue;
            }
            for (int i = 0; i < 4; ++i) {
                store_samples<kChannels>(
                    byte_difference(sample(pixels[x + i]), sample(above[x + i])),
                    out + kChannels * i);
            }
        }
        for (; x < width; ++x, out += kChannels) {
            store_samples<kChannels>(byte_difference(sample(pixels[x]), sample(above[x])), out);
        }
        return;
    }
    std::uint32_t left = 0;
    for (int x = 0; x < width; ++x, out += kChannels) {
        const std::uint32_t pixel = sample(pixels[x]);
        store_samples<kChannels>(byte_difference(pixel, left), out);
        left = pixel;
    }
}

}  // namespace

PngEncoder::PngEncoder(int width, int height, bool with_alpha)
    : width_(width), height_(height), with_alpha_(with_alpha) {
    if (width <= 0 || height <= 0 || width > INT_MAX / 4) {
        throw Error("", "cannot encode an empty PNG image");
    }
    channels_ = with_alpha ? 4 : 3;
    row_bytes_ = static_cast<std::size_t>(width) * channels_;
    previous_pixels_.resize(static_cast<std::size_t>(width));
    filtered_.resize(row_bytes_ + 2);  // the filter type, the row, a spare byte for store_samples
    deflater_ = std::make_unique<RunLengthDeflate>(channels_);
}

PngEncoder::~PngEncoder() = default;

// The first row is filtered with Sub (runs of one colour become zeros), every other row with
// Up (a row like the one above becomes zeros); the deflater turns runs of zeros into a few
// bytes at memory speed.
void PngEncoder::add_rows(const PremultipliedArgbImage& rows) {
    if (rows.width != width_ || rows.height < 0 || rows.height > height_ - rows_done_) {
        throw Error("", "the PNG rows do not fit the image");
    }
    const std::size_t pixel_bytes = static_cast<std::size_t>(width_) * 4;
    for (int r = 0; r < rows.height; ++r, ++rows_done_) {
        const auto* pixels = reinterpret_cast<const std::uint32_t*>(rows.data + r * rows.stride);
        const bool repeats_row_above =
            rows_done_ > 0 && std::memcmp(pixels, previous_pixels_.data(), pixel_bytes) == 0;
        filtered_[0] = rows_done_ == 0 ? kFilterSub : kFilterUp;
        if (repeats_row_above) {
            std::memset(filtered_.data() + 1, 0, row_bytes_);
        } else {
            const std::uint32_t* above = rows_done_ == 0 ? nullptr : previous_pixels_.data();
            if (with_alpha_) {
                filter_row<4>(pixels, above, width_, filtered_.data() + 1);
            } else {
                filter_row<3>(pixels, above, width_, filtered_.data() + 1);
            }
            std::memcpy(previous_pixels_.data(), pixels, pixel_bytes);
        }
        deflater_->write(filtered_.data(), row_bytes_ + 1);
    }
}

std::string PngEncoder::finish() {
    if (rows_done_ != height_) throw Error("", "the PNG image is missing rows");
    std::string header;
    append_u32(header, static_cast<std::uint32_t>(width_));
    append_u32(header, static_cast<std::uint32_t>(height_));
    header += static_cast<char>(8);                    // bit depth
    header += static_cast<char>(with_alpha_ ? 6 : 2);  // colour type: RGBA or RGB
    header += std::string(3, '\0');                    // deflate, adaptive filters, no interlace
    std::string png("\x89PNG\r\n\x1a\n", 8);
    append_chunk(png, "IHDR", header);
    append_chunk(png, "IDAT", deflater_->finish());
    append_chunk(png, "IEND", {});
    return png;
}

std::string encode_png(const PremultipliedArgbImage& image) {
    PngEncoder encoder(image.width, image.height, !all_opaque(image));
    encoder.add_rows(image);
    return encoder.finish();
}

}  // namespace strata::emit
