#include "emit/hex_color.hpp"

namespace strata::emit {

std::string hex_rgb(Rgba color) {
    color.a = 255;
    return to_hex(color);
}

std::string hex_rgba(Rgba color) {
    return to_hex(color);
}

double opacity(Rgba color) {
    return color.a / 255.0;
}

}  // namespace strata::emit
