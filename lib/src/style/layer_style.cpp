#include "style/layer_style.hpp"

#include "style/keras_classes.hpp"

namespace strata::layout {
namespace {

template <typename T>
void take(T& field, const std::optional<T>& value) {
    if (value) field = *value;
}

void apply(LayerStyle& s, const Style& style) {
    if (style.fill) s.fill = style.fill;
    take(s.outline, style.outline);
    take(s.limits.scale_xy, style.scale_xy);
    take(s.limits.scale_z, style.scale_z);
    take(s.limits.min_xy, style.min_xy);
    take(s.limits.max_xy, style.max_xy);
    take(s.limits.min_z, style.min_z);
    take(s.limits.max_z, style.max_z);
    take(s.shade_step, style.shade_step);
    take(s.spacing, style.spacing);
    take(s.font.name, style.font);
    take(s.font.size, style.font_size);
    take(s.font_color, style.font_color);
    take(s.text_vspacing, style.text_vspacing);
    if (style.image) s.image = style.image;
    take(s.image_fit, style.image_fit);
    take(s.image_axis, style.image_axis);
    take(s.scale_image, style.scale_image);
}

}  // namespace

LayerStyle resolve_style(const Layer& layer, const Options& o) {
    LayerStyle s;
    s.outline = Rgba{0, 0, 0, 255};
    s.limits = size_limits(o);
    s.shade_step = o.shade_step;
    s.spacing = o.spacing;
    s.font = FontSpec{o.font, o.font_size};
    s.font_color = o.font_color;
    s.text_vspacing = o.text_vspacing;
    s.image_fit = o.image_fit;
    s.image_axis = o.image_axis;
    if (auto colors = o.color_map.find(layer.type); colors != o.color_map.end()) {
        if (colors->second.fill) s.fill = colors->second.fill;
        take(s.outline, colors->second.outline);
    }
    if (!o.styles.empty()) {
        const std::vector<std::string> chain = class_chain(layer.type);
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            if (auto style = o.styles.find(*it); style != o.styles.end()) apply(s, style->second);
        }
        if (auto style = o.styles.find(layer.name); style != o.styles.end())
            apply(s, style->second);
    }
    return s;
}

}  // namespace strata::layout
