#include "style/length.hpp"

#include <charconv>
#include <cmath>

#include "strata/error.hpp"
#include "strata/printable.hpp"

namespace strata {

double length_in_px(std::string_view text, const std::string& where) {
    struct Unit {
        std::string_view suffix;
        double px;
    };
    // pt is TeX's point (1/72.27 in), as LaTeX's \linewidth is given; bp is 1/72 in.
    static constexpr Unit kUnits[] = {{"cm", 96.0 / 2.54},  {"mm", 96.0 / 25.4}, {"in", 96.0},
                                      {"pt", 96.0 / 72.27}, {"bp", 96.0 / 72.0}, {"px", 1.0}};
    double per_unit = 1;
    std::string_view number = text;
    for (const Unit& u : kUnits) {
        if (text.size() > u.suffix.size() && text.ends_with(u.suffix)) {
            number = text.substr(0, text.size() - u.suffix.size());
            per_unit = u.px;
            break;
        }
    }
    double value = 0;
    auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
    const double px = value * per_unit;
    if (ec != std::errc() || end != number.data() + number.size() || !std::isfinite(px) ||
        px <= 0 || px > 1e7) {
        throw Error(where, "expected a positive length such as 17cm, 6.5in, 480pt or 640px, got " +
                               quoted_text(text));
    }
    return px;
}

}  // namespace strata
