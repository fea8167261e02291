#pragma once

#include <string>

#include "strata/scene.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

// One line of text as the scene holds it: the resolved font (family and the file measured),
// its baseline origin (x, y) at its left end, the measured advance, the shaped glyphs, and the
// point that stays in place when another renderer sets it (`anchor`: centred text is
// `middle`).
TextRun make_text_run(TextMeasurer& text, const FontSpec& font, std::string line, Point baseline,
                      double advance, Rgba color, TextAnchor anchor);

}  // namespace strata::layout
