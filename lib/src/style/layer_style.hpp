#pragma once

#include <optional>
#include <string>

#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/text_measurer.hpp"
#include "style/size_limits.hpp"

namespace strata::layout {

// Everything about one layer's look, after the global options, `color_map` and `styles`.
struct LayerStyle {
    std::optional<Rgba> fill;  // unset: the palette colour of the class
    Rgba outline;
    SizeLimits limits;
    double shade_step = 10;
    double spacing = 10;  // gap after the box
    FontSpec font;
    Rgba font_color;
    double text_vspacing = 4;
    std::optional<std::string> image;
    ImageFit image_fit = ImageFit::fill;
    Axis image_axis = Axis::z;
    double scale_image = 1;
};

// Resolves a layer's style, lowest precedence first: the global options, `color_map[class]`,
// `styles` of its base classes from the most basic to its own class, `styles[layer name]`.
// (visualkeras applies base classes last, so a base-class rule beats the class's own; strata
// lets the more specific rule win.)
LayerStyle resolve_style(const Layer& layer, const Options& options);

}  // namespace strata::layout
