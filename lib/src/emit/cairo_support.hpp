#pragma once

#include <cairo.h>

#include <memory>

#include "strata/color.hpp"

// Owning handles for the cairo objects the PNG and PDF emitters create, and colour setting.

namespace strata::cairo_handles {

struct SurfaceRelease {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextRelease {
    void operator()(cairo_t* context) const { cairo_destroy(context); }
};
struct FontFaceRelease {
    void operator()(cairo_font_face_t* face) const { cairo_font_face_destroy(face); }
};
struct FontOptionsRelease {
    void operator()(cairo_font_options_t* options) const { cairo_font_options_destroy(options); }
};

}  // namespace strata::cairo_handles

namespace strata {

using CairoSurfacePtr = std::unique_ptr<cairo_surface_t, cairo_handles::SurfaceRelease>;
using CairoContextPtr = std::unique_ptr<cairo_t, cairo_handles::ContextRelease>;
using CairoFontFacePtr = std::unique_ptr<cairo_font_face_t, cairo_handles::FontFaceRelease>;
using CairoFontOptionsPtr =
    std::unique_ptr<cairo_font_options_t, cairo_handles::FontOptionsRelease>;

inline void set_source_color(cairo_t* context, Rgba color) {
    cairo_set_source_rgba(context, color.r / 255.0, color.g / 255.0, color.b / 255.0,
                          color.a / 255.0);
}

}  // namespace strata
