#pragma once

#include <string>
#include <vector>

#include "strata/text_measurer.hpp"

namespace strata::layout::functional {

// `lines` with each line wider than `most` pixels broken after its separators ('_', ' ', ',',
// '-', '/', '.') into as few pieces as keep each within `most`; a piece with no separator to
// break at stays whole, wider. Spaces at the ends of a piece go.
std::vector<std::string> broken_lines(const std::vector<std::string>& lines, double most,
                                      TextMeasurer& text, const FontSpec& font);

}  // namespace strata::layout::functional
