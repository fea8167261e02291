#pragma once

#include <string>
#include <string_view>

namespace strata {

// A length such as "17cm", "170mm", "6.5in", "480pt" (TeX points, 1/72.27 in), "480bp"
// (1/72 in), "640px" or "640" (pixels) in CSS pixels (1/96 in). Throws strata::Error naming `where`
// for anything else or a non-positive length.
double length_in_px(std::string_view text, const std::string& where);

// Points (1/72 in) in CSS pixels.
inline double points_to_px(double points) {
    return points * 96.0 / 72.0;
}

}  // namespace strata
