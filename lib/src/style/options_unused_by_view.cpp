// Which options each view leaves undrawn: the layered view's decorations in the others, and
// each view's own options in every other view.

#include <set>
#include <string>

#include "strata/option_checks.hpp"
#include "strata/option_table.hpp"
#include "style/option_entries.hpp"

namespace strata {
namespace {

const std::set<std::string> kLenetOwn{
    "map_spacing",        "max_visual_channels",   "patch_fill",
    "patch_outline",      "patch_scale",           "seed",
    "draw_connections",   "draw_patches",          "top_label",
    "bottom_label",       "top_label_padding",     "bottom_label_padding",
    "top_label_callable", "bottom_label_callable", "top_labels",
    "bottom_labels"};
const std::set<std::string> kFunctionalOwn{"column_spacing",
                                           "row_spacing",
                                           "component_spacing",
                                           "connector_arrow",
                                           "connector_padding",
                                           "add_output_nodes",
                                           "layout_iterations",
                                           "virtual_node_size",
                                           "render_virtual_nodes",
                                           "collapse_enabled",
                                           "collapse_rules",
                                           "collapse_annotations",
                                           "simple_text_visualization",
                                           "simple_text_label_mode",
                                           "orientation_rotation"};
const std::set<std::string> kGraphOwn{"node_size", "node_spacing", "ellipsize_after",
                                      "inout_as_tensor", "show_neurons"};
// The layered view's decorations, which no other view draws.
const std::set<std::string> kLayeredDecorations{
    "legend",         "legend_position", "show_dimension", "layered_groups", "logo_groups",
    "logos_legend",   "stages",          "expand",         "draw_reversed",  "draw_funnel",
    "captions_above", "link_images",     "spacing"};
// The decorations the functional view draws too.
const std::set<std::string> kFunctionalDecorations{"layered_groups", "logo_groups", "logos_legend",
                                                   "link_images"};
// Box sizes and captions, which the lenet and graph views do not take from these options.
const std::set<std::string> kBoxesAndCaptions{"text_callable",
                                              "caption",
                                              "caption_position",
                                              "captions",
                                              "draw_volume",
                                              "sizing_mode",
                                              "scale_z",
                                              "min_z",
                                              "max_z",
                                              "dimension_caps",
                                              "relative_base_size",
                                              "one_dim_orientation"};

bool unused(View view, const std::string& key) {
    const auto in = [&](const std::set<std::string>& keys) { return keys.count(key) != 0; };
    switch (view) {
        case View::layered:
            return in(kLenetOwn) || in(kFunctionalOwn) || in(kGraphOwn) || key == "layer_spacing";
        case View::lenet:
            return in(kFunctionalOwn) || in(kGraphOwn) || in(kLayeredDecorations) ||
                   in(kBoxesAndCaptions);
        case View::functional:
            return in(kLenetOwn) || in(kGraphOwn) ||
                   (in(kLayeredDecorations) && !in(kFunctionalDecorations)) ||
                   key == "layer_spacing";
        case View::graph:
            return in(kLenetOwn) || in(kFunctionalOwn) || in(kLayeredDecorations) ||
                   in(kBoxesAndCaptions);
    }
    return false;
}

}  // namespace

void warn_options_unused_by_view(const Options& options, const std::string& preset,
                                 Warnings& warnings) {
    Options defaults;
    apply_view(defaults, options.view);
    if (!preset.empty()) apply_preset(defaults, preset);
    for (const OptionEntry& entry : option_entries()) {
        const std::string& key = entry.info.key;
        if (!unused(options.view, key)) continue;
        if (option_value_yaml(entry, options) == option_value_yaml(entry, defaults)) continue;
        warnings.push_back({key, std::string("the ") + std::string(name_of(options.view)) +
                                     " view does not draw it: ignored"});
    }
}

}  // namespace strata
