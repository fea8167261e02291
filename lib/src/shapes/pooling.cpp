#include "shapes/config.hpp"
#include "shapes/rules.hpp"
#include "shapes/spatial.hpp"

namespace strata::shapes {

OutputShapes infer_pooling(const Layer& layer, InputShapes inputs, std::size_t rank) {
    const Shape& input = single_input(inputs);
    Window window;
    window.size = spatial_attr(layer, "pool_size", rank, 2);
    // Keras: strides default to the pool size.
    window.strides = spatial_attr_or(layer, "strides", rank, window.size);
    window.dilation.assign(rank, 1);
    window.padding = padding_attr(layer);
    return {apply_window(input, window, is_channels_first(layer), kUnknownDim)};
}

OutputShapes infer_global_pooling(const Layer& layer, InputShapes inputs, std::size_t rank) {
    const Shape& input = single_input(inputs);
    require_rank(input, rank + 2);
    const bool channels_first = is_channels_first(layer);
    const Dim channels = input[feature_axes(rank, channels_first).channels];
    if (!bool_attr(layer, "keepdims", false)) return {{input[0], channels}};
    Shape output(rank + 2, 1);
    output[0] = input[0];
    output[feature_axes(rank, channels_first).channels] = channels;
    return {output};
}

}  // namespace strata::shapes
