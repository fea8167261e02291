#pragma once

// Small picture files written at test time: a PNG drawn with cairo, an SVG as text, and the
// header of a baseline JPEG (SOI, APP0, SOF0, EOI: enough to be recognised and sized; strata
// never decodes JPEG pixels).

#include <cairo.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace strata::test {

// A fresh directory under the system temporary directory, removed with the object.
class TempDir {
  public:
    TempDir() {
        path_ = std::filesystem::temp_directory_path() /
                ("strata-pictures-" + std::to_string(::getpid()) + "-" + std::to_string(++count_));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

  private:
    static inline int count_ = 0;
    std::filesystem::path path_;
};

inline void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

inline std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The bytes of an opaque w × h PNG of one colour.
inline std::string png_bytes(int w, int h, double r, double g, double b) {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, r, g, b);
    cairo_paint(cr);
    cairo_destroy(cr);
    std::string bytes;
    cairo_surface_write_to_png_stream(
        surface,
        [](void* out, const unsigned char* data, unsigned int length) {
            static_cast<std::string*>(out)->append(reinterpret_cast<const char*>(data), length);
            return CAIRO_STATUS_SUCCESS;
        },
        &bytes);
    cairo_surface_destroy(surface);
    return bytes;
}

// An opaque w × h PNG of one colour.
inline void write_png(const std::string& path, int w, int h, double r, double g, double b) {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, r, g, b);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_write_to_png(surface, path.c_str());
    cairo_surface_destroy(surface);
}

inline std::string jpeg_header(std::uint16_t w, std::uint16_t h) {
    std::string j = "\xFF\xD8";
    j += std::string("\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);
    j += std::string("\xFF\xC0\x00\x0B\x08", 5);
    j += static_cast<char>(h >> 8);
    j += static_cast<char>(h & 0xFF);
    j += static_cast<char>(w >> 8);
    j += static_cast<char>(w & 0xFF);
    j += std::string("\x01\x01\x11\x00", 4);
    j += "\xFF\xD9";
    return j;
}

}  // namespace strata::test
