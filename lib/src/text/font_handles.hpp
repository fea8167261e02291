#pragma once

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include <memory>
#include <type_traits>

// Owning handles for the C objects of FreeType, HarfBuzz and fontconfig.

namespace strata::font_handles {

struct FtLibraryRelease {
    void operator()(FT_Library library) const { FT_Done_FreeType(library); }
};
struct FtFaceRelease {
    void operator()(FT_Face face) const { FT_Done_Face(face); }
};
struct HbFontRelease {
    void operator()(hb_font_t* font) const { hb_font_destroy(font); }
};
struct HbBufferRelease {
    void operator()(hb_buffer_t* buffer) const { hb_buffer_destroy(buffer); }
};
struct FcConfigRelease {
    void operator()(FcConfig* config) const { FcConfigDestroy(config); }
};
struct FcPatternRelease {
    void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
};

}  // namespace strata::font_handles

namespace strata {

using FtLibraryPtr =
    std::unique_ptr<std::remove_pointer_t<FT_Library>, font_handles::FtLibraryRelease>;
using FtFacePtr = std::unique_ptr<std::remove_pointer_t<FT_Face>, font_handles::FtFaceRelease>;
using HbFontPtr = std::unique_ptr<hb_font_t, font_handles::HbFontRelease>;
using HbBufferPtr = std::unique_ptr<hb_buffer_t, font_handles::HbBufferRelease>;
using FcConfigPtr = std::unique_ptr<FcConfig, font_handles::FcConfigRelease>;
using FcPatternPtr = std::unique_ptr<FcPattern, font_handles::FcPatternRelease>;

}  // namespace strata
