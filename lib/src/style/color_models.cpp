#include "style/color_models.hpp"

#include <cmath>

namespace strata {
namespace {

constexpr double kOneThird = 1.0 / 3.0;
constexpr double kOneSixth = 1.0 / 6.0;
constexpr double kTwoThirds = 2.0 / 3.0;

// Python's float `x % 1.0`: the result takes the sign of the divisor.
double python_mod1(double x) {
    double r = std::fmod(x, 1.0);
    if (r != 0 && r < 0) r += 1.0;
    return r;
}

double hue_channel(double m1, double m2, double hue) {
    hue = python_mod1(hue);
    if (hue < kOneSixth) return m1 + (m2 - m1) * hue * 6.0;
    if (hue < 0.5) return m2;
    if (hue < kTwoThirds) return m1 + (m2 - m1) * (kTwoThirds - hue) * 6.0;
    return m1;
}

}  // namespace

RgbUnit hls_to_rgb(double hue, double lightness, double saturation) {
    if (saturation == 0.0) return {lightness, lightness, lightness};
    const double m2 = lightness <= 0.5 ? lightness * (1.0 + saturation)
                                       : lightness + saturation - (lightness * saturation);
    const double m1 = 2.0 * lightness - m2;
    return {hue_channel(m1, m2, hue + kOneThird), hue_channel(m1, m2, hue),
            hue_channel(m1, m2, hue - kOneThird)};
}

RgbUnit hsv_to_rgb(double hue, double saturation, double value) {
    if (saturation == 0.0) return {value, value, value};
    const double sector = std::trunc(hue * 6.0);
    const double f = (hue * 6.0) - sector;
    const double p = value * (1.0 - saturation);
    const double q = value * (1.0 - saturation * f);
    const double t = value * (1.0 - saturation * (1.0 - f));
    switch (static_cast<int>(std::fmod(sector, 6.0))) {
        case 0:
            return {value, t, p};
        case 1:
            return {q, value, p};
        case 2:
            return {p, value, t};
        case 3:
            return {p, q, value};
        case 4:
            return {t, p, value};
        default:
            return {value, p, q};
    }
}

}  // namespace strata
