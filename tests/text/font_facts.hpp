#pragma once

#include <ft2build.h>
#include FT_FREETYPE_H

#include <stdexcept>
#include <string>

// Reads font facts straight from the font tables with plain FreeType (no scaling, no
// shaping), so the engine's numbers can be checked against an independent source.
class FontFacts {
  public:
    explicit FontFacts(const std::string& file) {
        if (FT_Init_FreeType(&library_) != 0) throw std::runtime_error("FreeType init");
        if (FT_New_Face(library_, file.c_str(), 0, &face_) != 0) {
            FT_Done_FreeType(library_);
            throw std::runtime_error("cannot open " + file);
        }
    }
    ~FontFacts() {
        FT_Done_Face(face_);
        FT_Done_FreeType(library_);
    }
    FontFacts(const FontFacts&) = delete;
    FontFacts& operator=(const FontFacts&) = delete;

    double units_per_em() const { return face_->units_per_EM; }
    double ascender() const { return face_->ascender; }
    double descender() const { return -static_cast<double>(face_->descender); }

    // hmtx advance in font units.
    double advance(char32_t c) const {
        if (FT_Load_Char(face_, c, FT_LOAD_NO_SCALE) != 0) throw std::runtime_error("glyph");
        return static_cast<double>(face_->glyph->advance.x);
    }
    // 'kern' table pair value in font units (0 when there is none).
    double kerning(char32_t left, char32_t right) const {
        FT_Vector delta{0, 0};
        FT_Get_Kerning(face_, FT_Get_Char_Index(face_, left), FT_Get_Char_Index(face_, right),
                       FT_KERNING_UNSCALED, &delta);
        return static_cast<double>(delta.x);
    }

  private:
    FT_Library library_ = nullptr;
    FT_Face face_ = nullptr;
};
