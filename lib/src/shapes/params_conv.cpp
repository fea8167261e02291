#include "shapes/config.hpp"
#include "shapes/params_rules.hpp"
#include "shapes/spatial.hpp"

namespace strata::shapes {
namespace {

// The kernel's spatial extent: kernel_size on every axis.
std::int64_t kernel_volume(const Layer& layer, std::size_t rank) {
    if (!layer.attrs.contains("kernel_size")) fail("kernel_size is not given");
    return volume(spatial_attr(layer, "kernel_size", rank, 1));
}

// The input's channels, on the axis data_format puts them.
std::int64_t input_channels(const Layer& layer, InputShapes inputs, std::size_t rank) {
    const Shape& input = single_input(inputs);
    require_rank(input, rank + 2);
    return known_dim(input[feature_axes(rank, is_channels_first(layer)).channels]);
}

std::int64_t depth_multiplier(const Layer& layer) {
    const std::int64_t multiplier = int_attr(layer, "depth_multiplier", 1);
    if (multiplier <= 0) fail("depth_multiplier must be positive");
    return multiplier;
}

}  // namespace

// Conv1D/2D/3D: kernel [k..., in / groups, filters], bias [filters].
std::int64_t count_conv(const Layer& layer, InputShapes inputs, std::size_t rank) {
    const std::int64_t kernel = kernel_volume(layer, rank);
    const std::int64_t in = input_channels(layer, inputs, rank);
    const std::int64_t filters = keras_count_attr(layer, "filters");
    const std::int64_t groups = int_attr(layer, "groups", 1);
    if (groups <= 0 || in % groups != 0 || filters % groups != 0) {
        fail("groups must divide both the input channels and the filters");
    }
    return sum_of({product_of({kernel, in / groups, filters}), bias_size(layer, filters)});
}

// Conv*Transpose: kernel [k..., filters, in], bias [filters].
std::int64_t count_conv_transpose(const Layer& layer, InputShapes inputs, std::size_t rank) {
    const std::int64_t kernel = kernel_volume(layer, rank);
    const std::int64_t in = input_channels(layer, inputs, rank);
    const std::int64_t filters = keras_count_attr(layer, "filters");
    return sum_of({product_of({kernel, filters, in}), bias_size(layer, filters)});
}

// DepthwiseConv1D/2D: kernel [k..., in, depth_multiplier], bias [in · depth_multiplier].
std::int64_t count_depthwise_conv(const Layer& layer, InputShapes inputs, std::size_t rank) {
    const std::int64_t kernel = kernel_volume(layer, rank);
    const std::int64_t out =
        product_of({input_channels(layer, inputs, rank), depth_multiplier(layer)});
    return sum_of({product_of({kernel, out}), bias_size(layer, out)});
}

// SeparableConv1D/2D: a depthwise kernel [k..., in, m], a pointwise kernel [1..., in·m,
// filters], and one bias [filters] after both.
std::int64_t count_separable_conv(const Layer& layer, InputShapes inputs, std::size_t rank) {
    const std::int64_t kernel = kernel_volume(layer, rank);
    const std::int64_t depth =
        product_of({input_channels(layer, inputs, rank), depth_multiplier(layer)});
    const std::int64_t filters = keras_count_attr(layer, "filters");
    return sum_of(
        {product_of({kernel, depth}), product_of({depth, filters}), bias_size(layer, filters)});
}

}  // namespace strata::shapes
