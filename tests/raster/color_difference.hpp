#pragma once

// CIEDE2000 colour difference of two sRGB colours (D65), for checks of how close two renderings
// look: about 1 is the smallest difference an eye sees side by side, 2 to 3 a close match.

#include <cmath>
#include <cstdint>

namespace strata::test {

struct Lab {
    double l = 0, a = 0, b = 0;
};

inline Lab lab_of(std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    const auto linear = [](std::uint8_t c) {
        const double u = c / 255.0;
        return u <= 0.04045 ? u / 12.92 : std::pow((u + 0.055) / 1.055, 2.4);
    };
    const double R = linear(r), G = linear(g), B = linear(b);
    const double x = (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047;
    const double y = 0.2126 * R + 0.7152 * G + 0.0722 * B;
    const double z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883;
    const auto f = [](double t) {
        return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

inline double delta_e_2000(const Lab& p, const Lab& q) {
    constexpr double kPi = 3.14159265358979323846;
    const auto rad = [](double degrees) { return degrees * kPi / 180; };
    const auto deg = [](double radians) { return radians * 180 / kPi; };
    const double c1 = std::hypot(p.a, p.b), c2 = std::hypot(q.a, q.b);
    const double c_mean7 = std::pow((c1 + c2) / 2, 7);
    const double g = 0.5 * (1 - std::sqrt(c_mean7 / (c_mean7 + std::pow(25.0, 7))));
    const double a1 = (1 + g) * p.a, a2 = (1 + g) * q.a;
    const double cp1 = std::hypot(a1, p.b), cp2 = std::hypot(a2, q.b);
    const auto hue = [&](double b, double a) {
        const double h = deg(std::atan2(b, a));
        return h < 0 ? h + 360 : h;
    };
    const double h1 = hue(p.b, a1), h2 = hue(q.b, a2);
    double dh = h2 - h1;
    if (cp1 * cp2 == 0) {
        dh = 0;
    } else if (dh > 180) {
        dh -= 360;
    } else if (dh < -180) {
        dh += 360;
    }
    const double dL = q.l - p.l, dC = cp2 - cp1;
    const double dH = 2 * std::sqrt(cp1 * cp2) * std::sin(rad(dh / 2));
    const double l_mean = (p.l + q.l) / 2, cp_mean = (cp1 + cp2) / 2;
    double h_mean = h1 + h2;
    if (cp1 * cp2 != 0) {
        if (std::fabs(h1 - h2) <= 180) {
            h_mean = (h1 + h2) / 2;
        } else {
            h_mean = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
        }
    }
    const double t = 1 - 0.17 * std::cos(rad(h_mean - 30)) + 0.24 * std::cos(rad(2 * h_mean)) +
                     0.32 * std::cos(rad(3 * h_mean + 6)) - 0.20 * std::cos(rad(4 * h_mean - 63));
    const double d_theta = 30 * std::exp(-std::pow((h_mean - 275) / 25, 2));
    const double cp_mean7 = std::pow(cp_mean, 7);
    const double rc = 2 * std::sqrt(cp_mean7 / (cp_mean7 + std::pow(25.0, 7)));
    const double sl =
        1 + 0.015 * std::pow(l_mean - 50, 2) / std::sqrt(20 + std::pow(l_mean - 50, 2));
    const double sc = 1 + 0.045 * cp_mean, sh = 1 + 0.015 * cp_mean * t;
    const double rt = -std::sin(rad(2 * d_theta)) * rc;
    return std::sqrt(std::pow(dL / sl, 2) + std::pow(dC / sc, 2) + std::pow(dH / sh, 2) +
                     rt * (dC / sc) * (dH / sh));
}

}  // namespace strata::test
