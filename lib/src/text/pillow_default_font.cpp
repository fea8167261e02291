#include "text/pillow_default_font.hpp"

namespace strata {
namespace {

TextMetrics box(double left, double top, double right, double bottom, double advance) {
    return TextMetrics{left, top, right, bottom, advance, 10, 3};
}

}  // namespace

FixedMetrics pillow_default_font_metrics() {
    return FixedMetrics(
        {
            {"A", box(0, 2, 7, 10, 6)},
            {"Ag", box(0, 2, 12, 12, 12)},
            {"input", box(0, 2, 26, 12, 26)},
            {"conv", box(0, 4, 23, 10, 22)},
            {"pool", box(0, 2, 19, 12, 19)},
            {"conv2", box(0, 2, 28, 10, 28)},
            {"flatten", box(0, 1, 30, 10, 30)},
            {"dense", box(0, 2, 29, 10, 29)},
            {"Conv2D", box(0, 2, 37, 10, 37)},
            {"MaxPooling2D", box(0, 2, 67, 12, 67)},
            {"12 x 12 x 4", box(0, 2, 48, 10, 48)},
            {"Conv2D(['12', '12', '4'])", box(0, 1, 94, 11, 94)},
            {"MaxPooling2D(['6', '6', '4'])", box(0, 1, 112, 12, 112)},
            {"Conv2D(['6', '6', '8'])", box(0, 1, 82, 11, 82)},
            {"Flatten(['288'])", box(0, 1, 66, 11, 66)},
            {"Dense(['3'])", box(0, 1, 51, 11, 51)},
        },
        ResolvedFont{"Aileron", ""});
}

}  // namespace strata
