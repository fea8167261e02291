#pragma once

#include <string_view>
#include <vector>

#include "strata/option_places.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

// The text measurer the layout measures with: `inner`, except that an error about a font an
// option file or a model spec gave (a family fontconfig lacks, a file that is not a font) is
// placed at that font's FILE:LINE:COL and named by its option. The font is looked up only
// here, long after its YAML node is gone.
class PlacedFontErrors final : public TextMeasurer {
  public:
    PlacedFontErrors(TextMeasurer& inner, const OptionPlaces& places)
        : inner_(inner), places_(places) {}

    TextMetrics measure(std::string_view text, const FontSpec& font) override;
    ResolvedFont resolve(const FontSpec& font) override;
    std::vector<Glyph> shape(std::string_view text, const FontSpec& font) override;
    FontData font_data(const FontSpec& font) override;

  private:
    [[noreturn]] void rethrow_placed(const FontSpec& font) const;

    TextMeasurer& inner_;
    const OptionPlaces& places_;
};

}  // namespace strata::layout
