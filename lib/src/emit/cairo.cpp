// Scene → PNG and PDF through cairo. Both paint the same scene with the same painter; they
// differ only in the surface: an antialiased image encoded as PNG, or a vector PDF page.

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>

#include "emit/cairo_image.hpp"
#include "emit/cairo_scene.hpp"
#include "emit/cairo_support.hpp"
#include "emit/number_format.hpp"
#include "emit/png_encoder.hpp"
#include "emit/xml_text.hpp"
#include "strata/emit.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"

namespace strata {
namespace {

constexpr double kCssDpi = 96;            // a scene pixel is a CSS pixel
constexpr double kPointsPerPixel = 0.75;  // 72 pt per inch over 96 px per inch

// A fixed creation date: cairo would otherwise stamp the clock, and the same scene must give
// the same bytes.
constexpr const char* kFixedCreationDate = "2000-01-01T00:00:00Z";

// Collects what cairo writes; no temporary files. Never lets an exception cross into C.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    try {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    } catch (const std::bad_alloc&) {
        return CAIRO_STATUS_NO_MEMORY;
    }
}

void check(cairo_status_t status, const char* what) {
    if (status == CAIRO_STATUS_NO_MEMORY) throw std::bad_alloc();
    if (status != CAIRO_STATUS_SUCCESS) {
        throw Error("", std::string("cannot ") + what + ": " + cairo_status_to_string(status));
    }
}

void check_canvas(const Scene& scene) {
    if (!std::isfinite(scene.width) || !std::isfinite(scene.height) || scene.width < 0 ||
        scene.height < 0) {
        throw Error("", "the scene has no valid canvas size");
    }
}

// Image pixels per scene pixel, checked.
double pixel_scale(const RasterOptions& options) {
    if (!std::isfinite(options.dpi) || options.dpi <= 0) {
        throw Error("", "dpi must be a positive number");
    }
    if (!std::isfinite(options.scale) || options.scale <= 0) {
        throw Error("", "scale must be a positive number");
    }
    // Below 1 dpi a figure is a few pixels of noise, and a message would call it "0 dpi".
    if (options.dpi * options.scale < 1) {
        throw Error("", "the resolution must be at least 1 dpi (dpi times scale; found " +
                            emit::format_number(options.dpi * options.scale) + ")");
    }
    return options.dpi / kCssDpi * options.scale;
}

// The image side that holds `length` scene pixels: whole pixels, at least one.
int image_side(double length, double scale, double limit) {
    const double side = std::max(1.0, std::ceil(length * scale));
    return side <= limit ? static_cast<int>(side) : -1;
}

// "7613 x 1215", for messages. Printed from the double: a side can be far beyond what a long
// long holds, and one beyond a trillion is written short ("7.61e+302") to keep it one line.
std::string pixels_text(double width, double height) {
    const auto whole = [](double pixels) {
        char text[64];
        std::snprintf(text, sizeof text, pixels < 1e12 ? "%.0f" : "%.3g", std::ceil(pixels));
        return std::string(text);
    };
    return whole(width) + " x " + whole(height);
}

struct ImageSize {
    int width = 0, height = 0;
};

// The image of `scene` at `scale`, checked against the limits: a side of at most
// `max_side` pixels and kMaxRasterPixels in all.
ImageSize image_size(const Scene& scene, double scale, int max_side) {
    check_canvas(scene);
    const int width = image_side(scene.width, scale, max_side);
    const int height = image_side(scene.height, scale, max_side);
    const auto describe = [&] { return pixels_text(scene.width * scale, scene.height * scale); };
    const auto too_many = [&] {
        return Error("", "the image would be " + describe() + " pixels; at most " +
                             std::to_string(limits::kMaxRasterPixels) +
                             " pixels are allowed (lower the dpi or scale)");
    };
    if (width < 0 || height < 0) {
        throw Error("", "the image would be " + describe() + " pixels; a side may be at most " +
                            std::to_string(max_side) + " (lower the dpi or scale)");
    }
    if (static_cast<long long>(width) * height > limits::kMaxRasterPixels) throw too_many();
    return {width, height};
}

// Image bytes painted and encoded at a time.
constexpr int kStripBytes = 4 << 20;

// The columns of an image wider than a PNG may be. Not kMaxRasterSide: cairo 1.16 loses part
// of a shape that crosses the side of a surface exactly 32 767 px wide over an opaque
// background (a surface 32 766 px wide draws it whole); a whole image of that width has
// nothing crossing its side.
constexpr int kWideTileColumns = 16384;

// The longest side of an image drawn in columns: cairo holds coordinates in 24.8 fixed point
// (up to 8 388 607 px), and a column's shapes lie up to a side's length from its surface.
constexpr int kMaxColumnsImageSide = 1 << 22;

// Part of an image as cairo painted it: the premultiplied ARGB32 rows, `stride` bytes apart,
// of the `columns` x `rows` pixels from (left, top).
struct Tile {
    const unsigned char* pixels;
    int left, top, columns, rows, stride;
};

// Printed from the double: a side can be far beyond what a long long holds.
void paint(cairo_surface_t* surface, const Scene& scene, double scale, bool fill_surface,
           emit::PictureSurfaces& pictures) {
    const CairoContextPtr context(cairo_create(surface));
    if (fill_surface) {
        // The background under every pixel, also the last, partly covered column and row.
        set_source_color(context.get(), scene.background);
        cairo_paint(context.get());
    }
    cairo_scale(context.get(), scale, scale);
    emit::paint_scene(context.get(), scene, pictures);
    check(cairo_status(context.get()), "draw the scene");
}

// Painting a picture reads its pixels and writes those it covers, at every placement: bounded
// before anything is drawn, so that no PNG or PDF takes minutes.
void check_painted_pictures(const Scene& scene, double scale) {
    const double painted = emit::painted_picture_pixels(scene, scale);
    if (painted > limits::kMaxPaintedPicturePixels) {
        throw Error("",
                    "the pictures would paint " +
                        std::to_string(static_cast<long long>(std::ceil(painted))) +
                        " picture pixels; at most " +
                        std::to_string(static_cast<long long>(limits::kMaxPaintedPicturePixels)) +
                        " are allowed (place fewer or smaller pictures, or lower the dpi "
                        "or scale)");
    }
}

// Paints the image in tiles of a few MiB, handing each to `take` before the next is drawn:
// a large figure never needs its whole image in memory, and an image wider than a cairo
// surface may be (kMaxRasterSide) is drawn in columns. Tiles come row by row, left to right,
// so an image of one column comes top to bottom. ARGB32 starts fully transparent, so a
// transparent background stays transparent; an opaque one covers every pixel.
template <typename TakeTile>
void paint_in_tiles(const Scene& scene, double scale, ImageSize size, TakeTile&& take) {
    const bool opaque = scene.background.a == 255;
    const int tile_columns = size.width <= limits::kMaxRasterSide ? size.width : kWideTileColumns;
    const int tile_rows = std::clamp(kStripBytes / (tile_columns * 4), 1, size.height);
    const CairoSurfacePtr surface(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, tile_columns, tile_rows));
    check(cairo_surface_status(surface.get()), "create the image");
    emit::PictureSurfaces pictures;  // decoded once for all tiles
    unsigned char* pixels = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    for (int top = 0; top < size.height; top += tile_rows) {
        const int rows = std::min(tile_rows, size.height - top);
        for (int left = 0; left < size.width; left += tile_columns) {
            const int columns = std::min(tile_columns, size.width - left);
            cairo_surface_flush(surface.get());
            std::memset(pixels, 0, static_cast<std::size_t>(stride) * tile_rows);
            cairo_surface_mark_dirty(surface.get());
            // A whole-pixel offset: every strip of rows is rasterised exactly as the whole image
            // would be; where a column's side cuts a shape, within a few levels of antialiasing.
            cairo_surface_set_device_offset(surface.get(), -left, -top);
            paint(surface.get(), scene, scale, opaque, pictures);
            cairo_surface_flush(surface.get());
            take(Tile{pixels, left, top, columns, rows, stride});
        }
    }
}

// One pixel of cairo's ARGB32 (premultiplied, one native-endian word) as straight RGBA bytes.
void straight_rgba(std::uint32_t pixel, unsigned char* out) {
    const unsigned a = pixel >> 24;
    if (a == 255) {  // most pixels: nothing to divide, the bytes written at once
        const std::array<unsigned char, 4> rgba{static_cast<unsigned char>(pixel >> 16),
                                                static_cast<unsigned char>(pixel >> 8),
                                                static_cast<unsigned char>(pixel), 255};
        std::memcpy(out, rgba.data(), 4);
        return;
    }
    const auto straight = [a](unsigned c) {
        return static_cast<unsigned char>(a == 0 ? 0 : (c * 255 + a / 2) / a);
    };
    out[0] = straight((pixel >> 16) & 0xff);
    out[1] = straight((pixel >> 8) & 0xff);
    out[2] = straight(pixel & 0xff);
    out[3] = static_cast<unsigned char>(a);
}

}  // namespace

std::string to_png(const Scene& scene, const RasterOptions& options) {
    Warnings ignored;
    return to_png(scene, options, ignored);
}

std::string to_png(const Scene& scene, const RasterOptions& options, Warnings& warnings) {
    const double scale = pixel_scale(options);
    const ImageSize size = image_size(scene, scale, limits::kMaxRasterSide);
    check_painted_pictures(scene, scale);
    emit::PngEncoder encoder(size.width, size.height, scene.background.a != 255);
    // One column of tiles, no wider than a surface: the rows come in order.
    paint_in_tiles(scene, scale, size, [&](const Tile& tile) {
        encoder.add_rows({tile.pixels, size.width, tile.rows, tile.stride});
    });
    emit::warn_pictures_left_out(scene, "PNG", warnings);
    return encoder.finish();
}

RgbaImage to_rgba(const Scene& scene, const RasterOptions& options, Warnings& warnings) {
    const double scale = pixel_scale(options);
    // Drawn in columns: any side cairo's coordinates reach, and the pixel count bounded.
    const ImageSize size = image_size(scene, scale, kMaxColumnsImageSide);
    check_painted_pictures(scene, scale);
    RgbaImage image{size.width, size.height, {}};
    image.pixels.reset(new unsigned char[image.byte_count()]);  // not zeroed: all written below
    const std::size_t image_stride = static_cast<std::size_t>(size.width) * 4;
    paint_in_tiles(scene, scale, size, [&](const Tile& tile) {
        for (int y = 0; y < tile.rows; ++y) {
            const auto* row = reinterpret_cast<const std::uint32_t*>(
                tile.pixels + static_cast<std::size_t>(y) * tile.stride);
            unsigned char* out = image.pixels.get() +
                                 static_cast<std::size_t>(tile.top + y) * image_stride +
                                 static_cast<std::size_t>(tile.left) * 4;
            for (int x = 0; x < tile.columns; ++x, out += 4) straight_rgba(row[x], out);
        }
    });
    emit::warn_pictures_left_out(scene, "PNG", warnings);
    return image;
}

RasterOptions fit_raster(const Scene& scene, const RasterOptions& requested, Warnings& warnings) {
    const double scale = pixel_scale(requested);
    check_canvas(scene);
    const double width = std::max(1.0, scene.width * scale);
    const double height = std::max(1.0, scene.height * scale);
    const double side_fit = limits::kMaxRasterSide / std::max(width, height);
    // Each side on its own when the area is beyond a double (a scale of 1e300).
    const double most = static_cast<double>(limits::kMaxRasterPixels);
    const double area_fit = std::isfinite(width * height)
                                ? std::sqrt(most / (width * height))
                                : std::sqrt(most) / std::sqrt(width) / std::sqrt(height);
    double fit = std::min({1.0, side_fit, area_fit});
    if (fit >= 1) return requested;
    if (requested.dpi * requested.scale * fit < 1) {
        throw Error("", "the image would be " + pixels_text(width, height) +
                            " pixels, more than PNG readers accept (a side of at most " +
                            std::to_string(limits::kMaxRasterSide) +
                            ") even at 1 dpi; a PDF or SVG keeps every detail");
    }
    RasterOptions fitted = requested;
    // Whole pixels round up: shrink a little further until the image really fits.
    for (;;) {
        fitted.scale = requested.scale * fit;
        const double s = pixel_scale(fitted);
        const double w = std::ceil(std::max(1.0, scene.width * s));
        const double h = std::ceil(std::max(1.0, scene.height * s));
        if (w <= limits::kMaxRasterSide && h <= limits::kMaxRasterSide &&
            w * h <= limits::kMaxRasterPixels)
            break;
        fit *= 0.999;
    }
    const double dpi = fitted.dpi * fitted.scale;
    warnings.push_back(
        {"",
         "the image would be " + pixels_text(width, height) +
             " pixels, more than PNG readers accept (a side of at most " +
             std::to_string(limits::kMaxRasterSide) + "); drawn at " +
             std::to_string(static_cast<long long>(std::floor(dpi))) + " dpi instead (" +
             pixels_text(scene.width * pixel_scale(fitted), scene.height * pixel_scale(fitted)) +
             "). A PDF or SVG keeps every detail."});
    return fitted;
}

std::string to_pdf(const Scene& scene, Warnings& warnings) {
    check_canvas(scene);
    // cairo reads a placed picture's pixels at every placement while it writes the page.
    check_painted_pictures(scene, kPointsPerPixel);
    double scale = kPointsPerPixel;
    const double longest = std::max(scene.width, scene.height) * kPointsPerPixel;
    if (longest > limits::kMaxPdfPageSidePoints) {
        scale *= limits::kMaxPdfPageSidePoints / longest;
        warnings.push_back(
            {"", "the PDF figure is " + std::to_string(static_cast<long long>(std::ceil(longest))) +
                     " pt long, more than the " +
                     std::to_string(static_cast<long long>(limits::kMaxPdfPageSidePoints)) +
                     " pt a PDF page may be; it is scaled down to fit"});
    }
    std::string bytes;
    const CairoSurfacePtr surface(cairo_pdf_surface_create_for_stream(
        append_to_string, &bytes, std::max(1.0, scene.width * scale),
        std::max(1.0, scene.height * scale)));
    check(cairo_surface_status(surface.get()), "create the PDF document");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE,
                                   kFixedCreationDate);
    const std::string title = emit::xml_safe_text(scene.title);
    if (!title.empty()) {
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    }
    emit::PictureSurfaces pictures;
    paint(surface.get(), scene, scale, false, pictures);
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()), "write the PDF document");
    emit::warn_pictures_left_out(scene, "PDF", warnings);
    return bytes;
}

std::string to_pdf(const Scene& scene) {
    Warnings ignored;
    return to_pdf(scene, ignored);
}

}  // namespace strata
