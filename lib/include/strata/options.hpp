#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
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

// Per-layer overrides (`styles`), keyed by class name, base class name or layer name; unset
// fields keep the global values.
struct Style {
    std::optional<Rgba> fill, outline;
    std::optional<double> scale_xy, scale_z, min_xy, max_xy, min_z, max_z;
    std::optional<double> shade_step;
    std::optional<double> spacing;  // gap after this box
    std::optional<std::string> font;
    std::optional<double> font_size;
    std::optional<Rgba> font_color;
    std::optional<double> text_vspacing;
    std::optional<std::string> image;       // face image file (PNG, JPEG or SVG)
    std::optional<std::string> image_fit;   // fill, contain, cover, match_aspect
    std::optional<std::string> image_axis;  // z (front), y (top), x (side)
    std::optional<double> scale_image;
};

// A box drawn around named layers, with a title below it (`layered_groups`).
struct LayerGroup {
    std::vector<std::string> layers;  // layer names
    std::string name;                 // the title
    double padding = 10;
    Rgba fill{200, 200, 200, 100};
    Rgba outline{0, 0, 0, 255};
    double width = 1;                 // outline width
    std::optional<std::string> font;  // family or file; the caption font when unset
    double font_size = 15;
    Rgba font_color{0, 0, 0, 255};
    double text_spacing = 5;  // gap between the box and its title
};

// A small image stuck onto a face of some boxes (`logo_groups`).
struct LogoGroup {
    std::string file;
    std::vector<std::string> layers;                   // layer names or class names
    std::string axis = "z";                            // z (front), y (top), x (side)
    double size = 0.5;                                 // fraction of the face's shorter side ...
    std::optional<std::pair<double, double>> size_px;  // ... or an explicit width and height
    std::string corner = "top-right";  // top-left, top-right, bottom-left, bottom-right, center
    double padding = 0;
    std::string name;  // label in the logo legend
};

// The legend of logos below the picture (`logos_legend`).
struct LogosLegend {
    double padding = 10;
    double spacing = 10;
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

    // Caption templates beyond the built-ins: fields {name}, {type}, {shape}, {index}, {params};
    // "\n" separates lines. Overrides text_callable when set.
    std::string caption;
    std::string caption_position = "below";       // below, above, alternate
    std::map<std::string, std::string> captions;  // caption per layer name, overriding the rest

    // Legend.
    bool legend = false;
    bool show_dimension = false;
    double legend_text_spacing_offset = 15;  // accepted for compatibility; it has no effect

    // Funnels between boxes.
    Rgba connector_fill{128, 128, 128, 255};
    double connector_width = 1;

    // Groups, logos, styles and face images.
    std::vector<LayerGroup> layered_groups;
    std::vector<LogoGroup> logo_groups;
    std::optional<LogosLegend> logos_legend;
    std::map<std::string, Style> styles;
    std::string image_fit = "fill";  // fill, contain, cover, match_aspect
    std::string image_axis = "z";    // z, y, x
    bool link_images = false;        // refer to image files instead of embedding them

    // Branching and deep models.
    std::string width;         // fit the figure to this width: "17cm", "6.5in", "480pt", "640px"
    double min_font_size = 6;  // points; no text is drawn smaller when fitting to `width`
    std::string collapse = "exact";  // none, exact: identical consecutive blocks drawn once, "×N"
    bool stages = false;             // brackets under stages (spatial size or name prefix changes)

    // Output file when none is given on the command line.
    std::string to_file;

    // Reproduce visualkeras' canvas quirks exactly (depth clipped at the right edge, no
    // vertical padding) so that pictures can be compared pixel for pixel.
    bool compat_visualkeras = false;
};

}  // namespace strata
