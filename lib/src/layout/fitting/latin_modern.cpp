#include "layout/fitting/latin_modern.hpp"

namespace strata::layout {

int latin_modern_design_size(double pt, bool sans) {
    if (sans) {
        if (pt < 8.5) return 8;
        if (pt < 9.5) return 9;
        if (pt < 11) return 10;
        if (pt < 15.5) return 12;
        return 17;
    }
    if (pt < 5.5) return 5;
    if (pt < 6.5) return 6;
    if (pt < 7.5) return 7;
    if (pt < 8.5) return 8;
    if (pt < 9.5) return 9;
    if (pt < 11) return 10;
    if (pt < 15) return 12;
    return 17;
}

std::string latin_modern_at_size(const std::string& font, double size_px) {
    for (const char* family : {"LM Roman ", "LM Sans "}) {
        if (font.rfind(family, 0) != 0) continue;
        const bool sans = family[3] == 'S';
        return family + std::to_string(latin_modern_design_size(size_px * kTexPtPerPx, sans));
    }
    return font;
}

}  // namespace strata::layout
