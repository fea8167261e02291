#pragma once

#include <cairo.h>

#include <map>
#include <string>

#include "emit/cairo_support.hpp"
#include "strata/scene.hpp"

namespace strata::emit {

// Draws text runs with the glyphs the layout shaped, from the font file it measured, so that
// the picture shows exactly what was measured. The UTF-8 text travels with the glyphs, which
// makes PDF text selectable. One cairo font face per font file, for the painter's lifetime.
class CairoTextPainter {
  public:
    explicit CairoTextPainter(cairo_t* context);
    void draw(const TextRun& run);

  private:
    cairo_font_face_t* face_for(const std::string& file);
    void draw_glyphs(const TextRun& run, const std::string& text);

    cairo_t* context_;
    std::map<std::string, CairoFontFacePtr, std::less<>> faces_;
};

}  // namespace strata::emit
