#pragma once

namespace strata {

// Red, green and blue in [0, 1] (or beyond, when the inputs are out of range).
struct RgbUnit {
    double r = 0, g = 0, b = 0;
};

// The conversions of Python's colorsys module, step for step, so that rounding the results
// the way Pillow does gives Pillow's integers. All arguments are fractions (hue in turns).
RgbUnit hls_to_rgb(double hue, double lightness, double saturation);
RgbUnit hsv_to_rgb(double hue, double saturation, double value);

}  // namespace strata
