#include "emit/number_format.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include "strata/error.hpp"

namespace strata::emit {

std::string format_number(double value) {
    if (!std::isfinite(value)) {
        throw Error("", "non-finite coordinate in scene (the layout produced an invalid number)");
    }
    // Fixed notation through to_chars is exact and locale-independent, so the same double
    // gives the same text on every platform.
    std::array<char, 400> buffer{};
    auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::fixed, 3);
    if (error != std::errc{}) throw Error("", "number too large for the output");
    std::string text(buffer.data(), end);
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    if (text == "-0") text = "0";
    return text;
}

double round_number(double value) {
    const std::string text = format_number(value);
    double rounded = 0;
    std::from_chars(text.data(), text.data() + text.size(), rounded);
    return rounded;
}

}  // namespace strata::emit
