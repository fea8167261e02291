// Options that take effect only with another option: given without it, each is named in a
// warning with what it needs, as an option the view does not draw is.

#include <string>

#include "strata/option_checks.hpp"
#include "strata/option_table.hpp"
#include "style/option_entries.hpp"

namespace strata {

void warn_options_needing_others(const Options& options, const std::string& preset,
                                 Warnings& warnings) {
    Options defaults;
    apply_view(defaults, options.view);
    if (!preset.empty()) apply_preset(defaults, preset);
    // Given by the user: its value differs from the view's default with the preset applied.
    const auto given = [&](const char* key) {
        const OptionEntry* entry = find_option(key);
        return entry != nullptr &&
               option_value_yaml(*entry, options) != option_value_yaml(*entry, defaults);
    };
    const auto warn = [&](const char* key, const std::string& reason) {
        if (given(key)) warnings.push_back({key, reason + ": ignored"});
    };
    if (options.view == View::functional) {
        if (!options.collapse_enabled)
            warn("collapse_rules", "the rules apply only with collapse_enabled: true");
        if (options.simple_text_visualization)
            warn("orientation_rotation",
                 "it turns 3-D boxes, and simple_text_visualization draws flat ones");
        else if (!options.draw_volume)
            warn("orientation_rotation", "it turns 3-D boxes, which need draw_volume: true");
    }
    if (options.view == View::layered && !options.legend)
        warn("legend_position", "it places the legend, which needs legend: true");
    if (options.view == View::lenet) {
        for (const char* key : {"top_label_callable", "top_labels"}) {
            if (!options.top_label) warn(key, "top_label: false draws no top labels");
        }
        for (const char* key : {"bottom_label_callable", "bottom_labels"}) {
            if (!options.bottom_label) warn(key, "bottom_label: false draws no bottom labels");
        }
    }
}

}  // namespace strata
