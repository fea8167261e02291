#pragma once

#include <cairo.h>

#include <map>
#include <string>
#include <utility>

#include "emit/cairo_support.hpp"
#include "strata/scene.hpp"

namespace strata::emit {

// Draws text runs with the glyphs the layout shaped, from the font file it measured, so that
// the picture shows exactly what was measured. The UTF-8 text travels with the glyphs, which
// makes PDF text selectable. One cairo font face per font (its bytes and face index), for the
// painter's lifetime.
class CairoTextPainter {
  public:
    explicit CairoTextPainter(cairo_t* context);
    void draw(const TextRun& run);

  private:
    // The face a run was measured in: from its font bytes, or (for a scene made without them)
    // from its font file, as fontconfig loads it. Null when neither loads.
    cairo_font_face_t* face_for(const TextRun& run);
    cairo_font_face_t* face_for_file(const std::string& file);
    void draw_glyphs(const TextRun& run, const std::string& text);

    using MemoryKey = std::pair<const void*, int>;  // font bytes and face index

    cairo_t* context_;
    std::map<std::string, CairoFontFacePtr, std::less<>> faces_;
    std::map<MemoryKey, CairoFontFacePtr> memory_faces_;
};

}  // namespace strata::emit
