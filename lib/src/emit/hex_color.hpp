#pragma once

#include <string>

#include "strata/color.hpp"

namespace strata::emit {

// "#rrggbb", ignoring alpha: SVG 1.1 paints carry opacity in a separate attribute.
std::string hex_rgb(Rgba color);

// The same text appended to `out`.
void append_hex_rgb(std::string& out, Rgba color);

// "#rrggbb" when opaque, "#rrggbbaa" otherwise.
std::string hex_rgba(Rgba color);

// Alpha as a fraction in [0, 1], rounded like every other number.
double opacity(Rgba color);

}  // namespace strata::emit
