#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/font_handles.hpp"
#include "text/font_locator.hpp"
#include "text/glyph_path.hpp"

namespace strata {

// A glyph placed by the shaper, in font units, y up, relative to the start of the baseline.
struct PlacedGlyph {
    unsigned glyph = 0;
    double x = 0, y = 0;
};

struct ShapedRun {
    std::vector<PlacedGlyph> glyphs;
    double advance = 0;  // font units
};

// Ink extent of a run in font units, y up from the baseline.
struct InkExtent {
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
};

// What measuring a run gives, independent of the size: font units.
struct RunExtent {
    double advance = 0;
    std::optional<InkExtent> ink;  // none when no glyph has an outline (spaces, empty text)
};

// One font face, loaded so that one pixel is one font unit: nothing is hinted or rounded,
// and every size is the same measurement scaled by size / units_per_em. Shapes with
// HarfBuzz over FreeType and remembers each text it measured.
class ShapingFont {
  public:
    // Loads the face `location.index` of `data`, the bytes of `location.file` (kept as long as
    // the face: FreeType reads them in place).
    ShapingFont(FT_Library library, const FontLocation& location, FontBytes data);

    const std::string& family() const { return family_; }
    double units_per_em() const { return units_per_em_; }
    double ascender() const { return ascender_; }    // font units above the baseline
    double descender() const { return descender_; }  // font units below the baseline, >= 0
    const FontBytes& data() const { return data_; }

    const RunExtent& extent(std::string_view text);
    ShapedRun shape(std::string_view text);
    // Appends the outline of `glyph` scaled by `scale`, its origin at `origin` and y flipped.
    void append_outline(unsigned glyph, double scale, PathPoint origin, TextPath& path);

  private:
    const std::optional<InkExtent>& glyph_ink(unsigned glyph);
    FT_Outline* load_outline(unsigned glyph);

    FontBytes data_;  // declared before the face, which reads it
    FtFacePtr face_;
    HbFontPtr font_;
    HbBufferPtr buffer_;
    std::string family_;
    double units_per_em_ = 0, ascender_ = 0, descender_ = 0;
    std::map<std::string, RunExtent, std::less<>> extents_;
    std::map<unsigned, std::optional<InkExtent>> glyph_inks_;
};

}  // namespace strata
