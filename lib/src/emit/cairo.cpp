// Scene → PNG and PDF through cairo. Both paint the same scene with the same painter; they
// differ only in the surface: an antialiased image encoded as PNG, or a vector PDF page.

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <new>
#include <string>

#include "emit/cairo_scene.hpp"
#include "emit/cairo_support.hpp"
#include "emit/png_encoder.hpp"
#include "emit/xml_text.hpp"
#include "strata/error.hpp"
#include "strata/render.hpp"

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
    return options.dpi / kCssDpi * options.scale;
}

// The image side that holds `length` scene pixels: whole pixels, at least one.
int image_side(double length, double scale, double limit) {
    const double side = std::max(1.0, std::ceil(length * scale));
    return side <= limit ? static_cast<int>(side) : -1;
}

struct ImageSize {
    int width = 0, height = 0;
};

ImageSize image_size(const Scene& scene, double scale) {
    check_canvas(scene);
    const int width = image_side(scene.width, scale, kMaxRasterSide);
    const int height = image_side(scene.height, scale, kMaxRasterSide);
    // Printed from the double: a side can be far beyond what a long long holds.
    const auto whole = [](double pixels) {
        char text[400];
        std::snprintf(text, sizeof text, "%.0f", std::ceil(pixels));
        return std::string(text);
    };
    const auto describe = [&] {
        return whole(scene.width * scale) + " x " + whole(scene.height * scale);
    };
    if (width < 0 || height < 0) {
        throw Error("", "the image would be " + describe() + " pixels; a side may be at most " +
                            std::to_string(kMaxRasterSide) + " (lower the dpi or scale)");
    }
    if (static_cast<long long>(width) * height > kMaxRasterPixels) {
        throw Error("", "the image would be " + describe() + " pixels; at most " +
                            std::to_string(kMaxRasterPixels) +
                            " pixels are allowed (lower the dpi or scale)");
    }
    return {width, height};
}

void paint(cairo_surface_t* surface, const Scene& scene, double scale) {
    const CairoContextPtr context(cairo_create(surface));
    cairo_scale(context.get(), scale, scale);
    emit::paint_scene(context.get(), scene);
    check(cairo_status(context.get()), "draw the scene");
}

}  // namespace

std::string to_png(const Scene& scene, const RasterOptions& options) {
    const double scale = pixel_scale(options);
    const ImageSize size = image_size(scene, scale);
    // ARGB32 starts fully transparent: a transparent background stays transparent.
    const CairoSurfacePtr surface(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, size.width, size.height));
    check(cairo_surface_status(surface.get()), "create the image");
    paint(surface.get(), scene, scale);
    cairo_surface_flush(surface.get());
    // Not cairo_surface_write_to_png_stream: its fixed zlib settings take ten times longer
    // than painting on a large diagram.
    return emit::encode_png({cairo_image_surface_get_data(surface.get()), size.width, size.height,
                             cairo_image_surface_get_stride(surface.get())});
}

std::string to_pdf(const Scene& scene) {
    check_canvas(scene);
    std::string bytes;
    const CairoSurfacePtr surface(cairo_pdf_surface_create_for_stream(
        append_to_string, &bytes, scene.width * kPointsPerPixel, scene.height * kPointsPerPixel));
    check(cairo_surface_status(surface.get()), "create the PDF document");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE,
                                   kFixedCreationDate);
    const std::string title = emit::xml_safe_text(scene.title);
    if (!title.empty()) {
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    }
    paint(surface.get(), scene, kPointsPerPixel);
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()), "write the PDF document");
    return bytes;
}

}  // namespace strata
