#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace strata {

// The CSS/X11 colour keywords Pillow's ImageColor knows (148, grey and gray both spelled),
// as 0xRRGGBB. `lowercase_name` must already be lower case.
std::optional<std::uint32_t> named_color(std::string_view lowercase_name);

}  // namespace strata
