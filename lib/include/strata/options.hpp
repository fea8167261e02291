#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "strata/color.hpp"

namespace strata {

// Colours given for one layer class in `color_map`; unset entries keep the defaults.
struct LayerColors {
    std::optional<Rgba> fill;
    std::optional<Rgba> outline;
};

// `dimension_caps` of the layered view; unset keys fall back to max_z / max_xy.
struct DimensionCaps {
    std::optional<double> channels;
    std::optional<double> sequence;
    std::optional<double> general;  // accepted for compatibility, never used by any mode
};

// The options of the layered view. Field names and defaults are those of visualkeras'
// layered_view; YAML option files use the same keys, CLI flags the kebab-case words.
struct Options {
    // Box sizing.
    double min_z = 20;
    double min_xy = 20;
    double max_z = 400;
    double max_xy = 2000;
    double scale_z = 1.5;
    double scale_xy = 4;
    std::string sizing_mode = "accurate";  // accurate, balanced, capped, logarithmic, relative
    std::optional<DimensionCaps> dimension_caps;
    double relative_base_size = 20;
    std::string one_dim_orientation = "z";  // z, y or x

    // Which layers are drawn and how.
    std::vector<std::string> type_ignore;          // exact class names
    std::vector<std::size_t> index_ignore;         // model indices
    std::vector<std::size_t> index_2D;             // model indices drawn flat
    std::map<std::string, LayerColors> color_map;  // keyed by class name

    // Picture.
    Rgba background_fill{255, 255, 255, 255};
    bool draw_volume = true;
    bool draw_reversed = false;
    double padding = 10;
    double spacing = 10;
    bool draw_funnel = true;
    double shade_step = 10;

    // Captions.
    std::string text_callable;  // "" (none), name, type, shape, name_shape
    double text_vspacing = 4;
    std::string font = "DejaVu Sans";  // fontconfig family or a font file path
    double font_size = 10;             // pixels
    Rgba font_color{0, 0, 0, 255};

    // Reproduce visualkeras' canvas quirks exactly (depth clipped at the right edge, no
    // vertical padding) so that pictures can be compared pixel for pixel.
    bool compat_visualkeras = false;
};

}  // namespace strata
