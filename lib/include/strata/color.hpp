#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace strata {

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Rgba&) const = default;
};

// Parses a colour the way Pillow's ImageColor does: CSS names, #rgb, #rgba, #rrggbb,
// #rrggbbaa, rgb(), rgba(), hsl(), hsv(). nullopt when the text is not a colour.
std::optional<Rgba> parse_color(std::string_view text);

// "#rrggbb" when opaque, "#rrggbbaa" otherwise.
std::string to_hex(Rgba color);

}  // namespace strata
