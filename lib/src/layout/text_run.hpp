#pragma once

#include <string>

#include "strata/scene.hpp"
#include "text/text_engine.hpp"

namespace strata::layout {

// One line of text as the scene holds it: the resolved font, its baseline origin (x, y), the
// measured advance and the shaped glyphs.
TextRun make_text_run(TextMeasurer& text, const FontSpec& font, std::string line, Point baseline,
                      double advance, Rgba color);

}  // namespace strata::layout
