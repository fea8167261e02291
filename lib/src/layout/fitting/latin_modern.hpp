#pragma once

#include <string>

namespace strata::layout {

// TeX points per CSS pixel.
inline constexpr double kTexPtPerPx = 72.27 / 96.0;

// The Latin Modern design size LaTeX's font definitions load for a font size in TeX points
// (t1lmr.fd and tulmr.fd for Roman, t1lmss.fd and tulmss.fd for Sans).
int latin_modern_design_size(double pt, bool sans);

// The smallest size in TeX points at which LaTeX loads the design of `font` (a Latin Modern
// optical size, "LM Roman 6": 5.5), 0 for the smallest design or any other font.
double latin_modern_smallest_pt(const std::string& font);

// The font for text of `size_px` pixels in the family of `font`: when `font` is a Latin Modern
// optical size ("LM Roman 10", "LM Sans 12"), the one LaTeX loads for that size, so that text
// measured here matches what LaTeX sets; any other font unchanged.
std::string latin_modern_at_size(const std::string& font, double size_px);

}  // namespace strata::layout
