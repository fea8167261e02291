#include "shapes/config.hpp"
#include "shapes/dims.hpp"
#include "shapes/rules.hpp"
#include "shapes/spatial.hpp"

namespace strata::shapes {
namespace {

Window conv_window(const Layer& layer, std::size_t rank) {
    if (!layer.attrs.contains("kernel_size")) fail("kernel_size is not given");
    Window window;
    window.size = spatial_attr(layer, "kernel_size", rank, 1);
    window.strides = spatial_attr(layer, "strides", rank, 1);
    window.dilation = spatial_attr(layer, "dilation_rate", rank, 1);
    window.padding = padding_attr(layer);
    return window;
}

Dim filters(const Layer& layer) {
    return keras_count_attr(layer, "filters");
}

// Keras splits the input channels and the filters into `groups` equal parts and refuses to
// build a layer whose groups divide either unevenly.
void check_groups(const Layer& layer, const Shape& input, std::size_t rank, Dim filter_count) {
    const std::int64_t groups = int_attr(layer, "groups", 1);
    if (groups < 1) fail_below("groups", groups, 1);
    const auto fail_divide = [&](const std::string& what, Dim count) {
        throw ImpossibleConfiguration("'groups' holds " + std::to_string(groups) +
                                      ", which does not divide " + what + " (" +
                                      std::to_string(count) + ")");
    };
    if (filter_count % groups != 0) fail_divide("the filters", filter_count);
    if (input.size() != rank + 2) return;
    const Dim channels = input[feature_axes(rank, is_channels_first(layer)).channels];
    if (is_known(channels) && channels % groups != 0) fail_divide("the input channels", channels);
}

}  // namespace

// Conv1D/2D/3D and SeparableConv1D/2D: the separable form has the same output geometry.
OutputShapes infer_conv(const Layer& layer, InputShapes inputs, std::size_t rank) {
    const Shape& input = single_input(inputs);
    const Window window = conv_window(layer, rank);
    if (window.padding == Padding::causal && rank != 1) fail("causal padding is only for 1-D");
    const Dim filter_count = filters(layer);
    check_groups(layer, input, rank, filter_count);
    return {apply_window(input, window, is_channels_first(layer), filter_count)};
}

OutputShapes infer_depthwise_conv(const Layer& layer, InputShapes inputs, std::size_t rank) {
    const Shape& input = single_input(inputs);
    require_rank(input, rank + 2);
    const bool channels_first = is_channels_first(layer);
    const std::int64_t multiplier = int_attr(layer, "depth_multiplier", 1);
    if (multiplier <= 0) fail_below("depth_multiplier", multiplier, 1);
    Shape output = apply_window(input, conv_window(layer, rank), channels_first, kUnknownDim);
    Dim& channels = output[feature_axes(rank, channels_first).channels];
    channels = fits(mul_dims(channels, multiplier));
    return {output};
}

OutputShapes infer_conv_transpose(const Layer& layer, InputShapes inputs, std::size_t rank) {
    const Shape& input = single_input(inputs);
    require_rank(input, rank + 2);
    const Window window = conv_window(layer, rank);
    const bool channels_first = is_channels_first(layer);
    auto output_padding = int_list_attr(layer, "output_padding");
    if (output_padding && output_padding->size() == 1)
        output_padding->resize(rank, (*output_padding)[0]);
    if (output_padding && output_padding->size() != rank)
        fail("output_padding has the wrong length");

    const FeatureAxes axes = feature_axes(rank, channels_first);
    Shape output = input;
    for (std::size_t i = 0; i < rank; ++i) {
        std::optional<std::int64_t> extra;
        // null entries (-1) mean "not given", as a missing output_padding does.
        if (output_padding && (*output_padding)[i] >= 0) extra = (*output_padding)[i];
        const std::size_t axis = axes.first_spatial + i;
        output[axis] = deconv_output_length(input[axis], window.size[i], window.padding,
                                            window.strides[i], window.dilation[i], extra);
    }
    output[axes.channels] = filters(layer);
    return {output};
}

}  // namespace strata::shapes
