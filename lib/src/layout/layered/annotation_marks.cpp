#include "layout/layered/annotation_marks.hpp"

#include <algorithm>

#include "layout/graph/short_labels.hpp"
#include "style/length.hpp"

namespace strata::layout {

FontSpec annotation_font(const Options& options) {
    return FontSpec{options.font, std::max(options.font_size, points_to_px(options.min_font_size))};
}

double annotation_line_height(TextMeasurer& text, const Options& options) {
    const TextMetrics m = text.measure("Ag", annotation_font(options));
    return m.ascent + m.descent + 2;
}

std::string repeat_label(const graph::Repeat& repeat) {
    return graph::short_label("\u00d7" + std::to_string(repeat.count) + "  " + repeat.scope);
}

Polyline bracket_line(double lo, double hi, double y, const Options& options) {
    return Polyline{"bracket",
                    {{lo, y - kBracketTick}, {lo, y}, {hi, y}, {hi, y - kBracketTick}},
                    options.font_color,
                    1};
}

}  // namespace strata::layout
