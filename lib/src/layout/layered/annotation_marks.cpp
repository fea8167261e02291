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
    const std::string times = "\u00d7" + std::to_string(repeat.count);
    if (repeat.change.empty()) return graph::short_label(times + "  " + repeat.scope);
    // The count and what changes in full; the scope in the room left, left out when too little
    // of it would remain to be read.
    constexpr std::size_t kShortestScope = 10;
    const std::string change = " \u00b7 " + repeat.change;
    const std::size_t used = graph::label_length(times) + 2 + graph::label_length(change);
    if (used + kShortestScope > graph::kMostLabelCharacters)
        return graph::short_label(times + change);
    const std::size_t room = graph::kMostLabelCharacters - used;
    // A module path too long for the room loses its outer parts first ("features.denseblock1"
    // → "denseblock1"): the inner part tells the units apart.
    std::string_view scope = repeat.scope;
    while (graph::label_length(scope) > room) {
        const std::size_t dot = scope.find_first_of("./");
        if (dot == std::string_view::npos || dot + 1 == scope.size()) break;
        scope.remove_prefix(dot + 1);
    }
    return times + "  " + graph::short_label(scope, room) + change;
}

std::vector<std::string> repeat_label_choices(const graph::Repeat& repeat, bool scope_named) {
    std::vector<std::string> choices;
    if (!scope_named && !repeat.scope.empty()) choices.push_back(repeat_label(repeat));
    const std::string times = "\u00d7" + std::to_string(repeat.count);
    if (!repeat.change.empty())
        choices.push_back(graph::short_label(times + " \u00b7 " + repeat.change));
    if (choices.empty() || choices.back() != times) choices.push_back(times);
    return choices;
}

Polyline bracket_line(double lo, double hi, double y, const Options& options) {
    return Polyline{"bracket",
                    {{lo, y - kBracketTick}, {lo, y}, {hi, y}, {hi, y - kBracketTick}},
                    options.font_color,
                    1};
}

}  // namespace strata::layout
