#pragma once

// Helpers of the raster tests: decoding PNG bytes with cairo, running external programs, and a
// scratch folder.

#include <cairo.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <system_error>

#include "external_tools.hpp"

namespace strata::test {

namespace fs = std::filesystem;

struct SurfaceRelease {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceRelease>;

struct PngReader {
    const std::string* bytes;
    std::size_t offset = 0;
};

inline cairo_status_t read_png_bytes(void* closure, unsigned char* data, unsigned int length) {
    auto* reader = static_cast<PngReader*>(closure);
    if (reader->bytes->size() - reader->offset < length) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, reader->bytes->data() + reader->offset, length);
    reader->offset += length;
    return CAIRO_STATUS_SUCCESS;
}

// Decodes PNG bytes into a premultiplied ARGB32 surface; a null surface when they are no PNG.
inline Surface decode_png(const std::string& bytes) {
    PngReader reader{&bytes};
    Surface surface(cairo_image_surface_create_from_png_stream(read_png_bytes, &reader));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return nullptr;
    if (cairo_image_surface_get_format(surface.get()) != CAIRO_FORMAT_ARGB32) {
        // Opaque PNGs decode as RGB24: copy into ARGB32 so that every pixel has its alpha.
        // By hand: cairo's own painting leaves very wide images blank.
        cairo_surface_flush(surface.get());
        const int w = cairo_image_surface_get_width(surface.get());
        const int h = cairo_image_surface_get_height(surface.get());
        Surface argb(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
        const unsigned char* from = cairo_image_surface_get_data(surface.get());
        unsigned char* to = cairo_image_surface_get_data(argb.get());
        const int from_stride = cairo_image_surface_get_stride(surface.get());
        const int to_stride = cairo_image_surface_get_stride(argb.get());
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                std::uint32_t value;
                std::memcpy(&value, from + y * from_stride + 4 * x, 4);
                value |= 0xFF000000u;
                std::memcpy(to + y * to_stride + 4 * x, &value, 4);
            }
        }
        cairo_surface_mark_dirty(argb.get());
        return argb;
    }
    return surface;
}

inline int width_of(const Surface& s) {
    return cairo_image_surface_get_width(s.get());
}
inline int height_of(const Surface& s) {
    return cairo_image_surface_get_height(s.get());
}

// The pixel at (x, y) as premultiplied 0xAARRGGBB.
inline std::uint32_t pixel(const Surface& s, int x, int y) {
    const unsigned char* row =
        cairo_image_surface_get_data(s.get()) + y * cairo_image_surface_get_stride(s.get());
    std::uint32_t value;
    std::memcpy(&value, row + 4 * x, 4);
    return value;
}

// Mean absolute difference over every channel of every pixel, in 1/255 units. Both images
// must have the same size.
inline double mean_channel_difference(const Surface& a, const Surface& b) {
    double total = 0;
    for (int y = 0; y < height_of(a); ++y) {
        for (int x = 0; x < width_of(a); ++x) {
            const std::uint32_t p = pixel(a, x, y), q = pixel(b, x, y);
            for (int shift = 0; shift < 32; shift += 8)
                total += std::abs(static_cast<int>((p >> shift) & 0xFF) -
                                  static_cast<int>((q >> shift) & 0xFF));
        }
    }
    return total / (4.0 * width_of(a) * height_of(a));
}

inline std::string quoted(const fs::path& path) {
    std::string q = "'";
    for (char c : path.string()) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

inline std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

// Runs a shell command and returns its standard output; empty on failure.
inline std::string output_of(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen((command + " 2>/dev/null").c_str(), "r");
    if (!pipe) return out;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        out.append(buffer, n);
    return ::pclose(pipe) == 0 ? out : std::string();
}

// A scratch folder removed when the test ends.
struct ScratchDir {
    fs::path path;
    explicit ScratchDir(const std::string& name)
        : path(fs::temp_directory_path() /
               ("strata-raster-" + name + "-" + std::to_string(::getpid()))) {
        fs::create_directories(path);
    }
    ~ScratchDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

}  // namespace strata::test
