#include "layout/detail/text_scaling.hpp"

#include <algorithm>

namespace strata::layout {

Options with_text_size(Options o, double size, double least) {
    const double factor = size / o.font_size;
    const auto scaled = [&](double v) { return std::max(least, v * factor); };
    o.font_size = size;
    o.text_vspacing *= factor;
    for (auto& [key, style] : o.styles) {
        if (style.font_size) *style.font_size = scaled(*style.font_size);
        if (style.text_vspacing) *style.text_vspacing *= factor;
    }
    for (LayerGroup& group : o.layered_groups) {
        group.font_size = scaled(group.font_size);
        group.text_spacing *= factor;
    }
    return o;
}

}  // namespace strata::layout
