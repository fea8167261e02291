#pragma once

#include <cstddef>
#include <vector>

#include "layout/lenet/patches.hpp"
#include "layout/lenet/render_shape.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "style/layer_style.hpp"

namespace strata::layout {

// One drawn layer of the lenet view: up to max_visual_channels maps of width x height, each
// `map_spacing` up and left of the one in front of it; (x, y) is the front map's top left.
struct FeatureStack {
    std::size_t layer = 0;  // index into Model::layers
    RenderShape shape;
    LayerStyle style;
    Rgba fill;
    double x = 0, y = 0;
    double width = 0, height = 0;
    int visible = 1;  // maps drawn
    double map_spacing = 0;

    double offset() const { return (visible - 1) * map_spacing; }
    Rect front() const { return {x, y, x + width, y + height}; }
    Rect bounds() const { return {x - offset(), y - offset(), x + width, y + height}; }
};

// The stacks of the layers the view draws (not implicit inputs, type_ignore or index_ignore),
// sized from their shapes, left to right from `padding`, centred on the tallest. Throws
// strata::Error when no layer is left.
std::vector<FeatureStack> feature_stacks(const Model& model, const Options& options);

}  // namespace strata::layout
