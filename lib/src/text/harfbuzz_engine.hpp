#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "strata/text_measurer.hpp"
#include "text/font_handles.hpp"
#include "text/font_locator.hpp"
#include "text/glyph_path.hpp"
#include "text/shaping_font.hpp"

namespace strata {

// The font strata uses when none is named (Debian package fonts-dejavu-core).
inline constexpr std::string_view kDefaultFontFamily = "DejaVu Sans";

// Measures text exactly as it will be drawn: fontconfig finds the font, FreeType loads it,
// HarfBuzz shapes it (kerning, ligatures). All numbers are unhinted real pixels. Fonts are
// loaded once per file and each text is shaped once per font, whatever the size.
// An empty font name means kDefaultFontFamily. A font file a model file named (one `named`
// lists) is looked at only beneath the model's folder. Not thread-safe.
class TextEngine final : public TextMeasurer {
  public:
    explicit TextEngine(ModelNamedFiles named = {});
    ~TextEngine() override;
    TextEngine(const TextEngine&) = delete;
    TextEngine& operator=(const TextEngine&) = delete;

    TextMetrics measure(std::string_view text, const FontSpec& font) override;
    ResolvedFont resolve(const FontSpec& font) override;
    // The glyphs HarfBuzz chose, from the same shaping and at the same scale as measure().
    std::vector<Glyph> shape(std::string_view text, const FontSpec& font) override;
    FontData font_data(const FontSpec& font) override;
    // The glyph outlines of one line, in the frame of measure().
    TextPath outline(std::string_view text, const FontSpec& font);

  private:
    struct LoadedFont {
        FontLocation location;
        ShapingFont* font;
    };
    const LoadedFont& load(const std::string& name);
    ShapingFont& font_for(const FontSpec& spec);

    FtLibraryPtr library_;  // declared first so that it outlives the faces it owns
    FontLocator locator_;
    std::map<FontLocation, std::unique_ptr<ShapingFont>> fonts_;
    std::map<std::string, LoadedFont, std::less<>> by_name_;
};

}  // namespace strata
