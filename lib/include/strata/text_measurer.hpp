#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "strata/scene.hpp"

namespace strata {

// A font as the layout asks for it: a fontconfig family name or a font file path, and a size
// in pixels.
struct FontSpec {
    std::string name;
    double size = 10;
    bool operator==(const FontSpec&) const = default;
};

// Measurements of one line of text, in pixels, in the frame visualkeras uses: the origin is the
// left end of the *ascender line* (Pillow anchor "la"), y grows downwards.
struct TextMetrics {
    double left = 0, top = 0, right = 0, bottom = 0;  // ink box, `right` at least the advance
    double advance = 0;                               // pen advance of the shaped run
    double ascent = 0;                                // baseline lies `ascent` below the origin
    double descent = 0;                               // positive, below the baseline
};

// The font that will be named in the output, once resolved.
struct ResolvedFont {
    std::string family;  // family name to write into SVG/TikZ
    std::string file;    // the font file that was measured (a TextRun names it)
};

// What the layout needs to know about text. The system's engine shapes with HarfBuzz
// (system_text_measurer() in strata/layout_context.hpp); tests and other hosts can plug in a
// fixed table.
class TextMeasurer {
  public:
    virtual ~TextMeasurer() = default;
    // Metrics of one line (no newlines). Throws strata::Error if the font cannot be found.
    virtual TextMetrics measure(std::string_view text, const FontSpec& font) = 0;
    // Which family/file the font spec resolves to. Throws strata::Error if it cannot be found.
    virtual ResolvedFont resolve(const FontSpec& font) = 0;
    // The shaped glyphs of one line, positioned as measure() measured them. A measurer that
    // knows no real font (a fixed table) has none.
    virtual std::vector<Glyph> shape(std::string_view /*text*/, const FontSpec& /*font*/) {
        return {};
    }
    // The bytes of the font file that was measured, as they were read, for renderers that draw
    // glyphs. A measurer that knows no real font has none.
    virtual FontData font_data(const FontSpec& /*font*/) { return {}; }
};

}  // namespace strata
