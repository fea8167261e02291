#include "emit/png_encoder.hpp"

#include <zlib.h>

#include <climits>
#include <cstring>
#include <new>
#include <vector>

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

// One row as PNG samples, unpremultiplied with cairo's rounding.
void convert_row(const std::uint32_t* pixels, int width, bool with_alpha, unsigned char* out) {
    for (int x = 0; x < width; ++x) {
        const std::uint32_t pixel = pixels[x];
        const unsigned alpha = pixel >> 24;
        unsigned r = (pixel >> 16) & 0xFF, g = (pixel >> 8) & 0xFF, b = pixel & 0xFF;
        if (alpha != 0xFF && alpha != 0) {
            r = (r * 255 + alpha / 2) / alpha;
            g = (g * 255 + alpha / 2) / alpha;
            b = (b * 255 + alpha / 2) / alpha;
        }
        *out++ = static_cast<unsigned char>(r);
        *out++ = static_cast<unsigned char>(g);
        *out++ = static_cast<unsigned char>(b);
        if (with_alpha) *out++ = static_cast<unsigned char>(alpha);
    }
}

}  // namespace

// Streams filtered rows through deflate. The first row is filtered with Sub (runs of one
// colour become zeros), every other row with Up (a row like the one above becomes zeros);
// run-length deflate then turns zeros into a few bytes at memory speed.
class PngEncoder::Deflater {
  public:
    Deflater() {
        if (deflateInit2(&stream_, 1, Z_DEFLATED, 15, 9, Z_RLE) != Z_OK) throw std::bad_alloc();
    }
    ~Deflater() { deflateEnd(&stream_); }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    void write(const unsigned char* data, std::size_t size, bool last) {
        stream_.next_in = const_cast<Bytef*>(data);
        stream_.avail_in = static_cast<uInt>(size);
        const int flush = last ? Z_FINISH : Z_NO_FLUSH;
        unsigned char buffer[1 << 16];
        do {
            stream_.next_out = buffer;
            stream_.avail_out = sizeof buffer;
            const int status = deflate(&stream_, flush);
            if (status == Z_STREAM_ERROR) throw Error("", "cannot compress the PNG image");
            out_.append(reinterpret_cast<const char*>(buffer), sizeof buffer - stream_.avail_out);
        } while (stream_.avail_out == 0 || (last && stream_.avail_in != 0));
    }

    const std::string& compressed() const { return out_; }

  private:
    z_stream stream_{};
    std::string out_;
};

PngEncoder::PngEncoder(int width, int height, bool with_alpha)
    : width_(width), height_(height), with_alpha_(with_alpha) {
    if (width <= 0 || height <= 0 || width > INT_MAX / 4) {
        throw Error("", "cannot encode an empty PNG image");
    }
    channels_ = with_alpha ? 4 : 3;
    row_bytes_ = static_cast<std::size_t>(width) * channels_;
    previous_pixels_.resize(static_cast<std::size_t>(width));
    previous_.resize(row_bytes_);
    current_.resize(row_bytes_);
    filtered_.resize(row_bytes_ + 1);
    deflater_ = std::make_unique<Deflater>();
}

PngEncoder::~PngEncoder() = default;

void PngEncoder::add_rows(const PremultipliedArgbImage& rows) {
    if (rows.width != width_ || rows.height < 0 || rows.height > height_ - rows_done_) {
        throw Error("", "the PNG rows do not fit the image");
    }
    const std::size_t pixel_bytes = static_cast<std::size_t>(width_) * 4;
    for (int r = 0; r < rows.height; ++r, ++rows_done_) {
        const auto* pixels = reinterpret_cast<const std::uint32_t*>(rows.data + r * rows.stride);
        const bool repeats_row_above =
            rows_done_ > 0 && std::memcmp(pixels, previous_pixels_.data(), pixel_bytes) == 0;
        if (repeats_row_above) {
            std::memset(filtered_.data(), 0, filtered_.size());
            filtered_[0] = kFilterUp;
        } else {
            convert_row(pixels, width_, with_alpha_, current_.data());
            if (rows_done_ == 0) {
                filtered_[0] = kFilterSub;
                for (std::size_t i = 0; i < row_bytes_; ++i) {
                    const unsigned char left = i >= channels_ ? current_[i - channels_] : 0;
                    filtered_[i + 1] = static_cast<unsigned char>(current_[i] - left);
                }
            } else {
                filtered_[0] = kFilterUp;
                for (std::size_t i = 0; i < row_bytes_; ++i)
                    filtered_[i + 1] = static_cast<unsigned char>(current_[i] - previous_[i]);
            }
            previous_.swap(current_);
            std::memcpy(previous_pixels_.data(), pixels, pixel_bytes);
        }
        deflater_->write(filtered_.data(), filtered_.size(), rows_done_ + 1 == height_);
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
    append_chunk(png, "IDAT", deflater_->compressed());
    append_chunk(png, "IEND", {});
    return png;
}

std::string encode_png(const PremultipliedArgbImage& image) {
    PngEncoder encoder(image.width, image.height, !all_opaque(image));
    encoder.add_rows(image);
    return encoder.finish();
}

}  // namespace strata::emit
