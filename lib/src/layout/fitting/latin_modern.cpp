#include "layout/fitting/latin_modern.hpp"

#include <cstdlib>
#include <span>

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

double latin_modern_smallest_pt(const std::string& font) {
    // Where each design's range begins, as latin_modern_design_size draws the lines.
    struct Start {
        int design;
        double pt;
    };
    static constexpr Start kRoman[] = {{6, 5.5},  {7, 6.5}, {8, 7.5}, {9, 8.5},
                                       {10, 9.5}, {12, 11}, {17, 15}};
    static constexpr Start kSans[] = {{9, 8.5}, {10, 9.5}, {12, 11}, {17, 15.5}};
    for (const char* family : {"LM Roman ", "LM Sans "}) {
        const std::string prefix = family;
        if (font.rfind(prefix, 0) != 0) continue;
        const int design = std::atoi(font.c_str() + prefix.size());
        for (const Start& start : prefix == "LM Sans " ? std::span<const Start>(kSans)
                                                       : std::span<const Start>(kRoman)) {
            if (start.design == design) return start.pt;
        }
    }
    return 0;
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
