#include "shapes/spatial.hpp"

#include "shapes/dims.hpp"
#include "shapes/rule.hpp"

namespace strata::shapes {
namespace {

std::int64_t dilated_kernel(std::int64_t kernel, std::int64_t dilation) {
    // kernel + (kernel - 1) * (dilation - 1)
    auto extra = checked_mul(kernel - 1, dilation - 1);
    if (!extra) fail("the dilated kernel is too large to represent");
    return representable(checked_add(kernel, *extra));
}

std::int64_t ceil_div(std::int64_t value, std::int64_t divisor) {
    return value / divisor + (value % divisor != 0 ? 1 : 0);
}

}  // namespace

FeatureAxes feature_axes(std::size_t spatial_rank, bool channels_first) {
    if (channels_first) return {1, 2};
    return {spatial_rank + 1, 1};
}

Dim conv_output_length(Dim input, std::int64_t kernel, Padding padding, std::int64_t stride,
                       std::int64_t dilation) {
    if (!is_known(input)) return kUnknownDim;
    const std::int64_t window = dilated_kernel(kernel, dilation);
    std::int64_t length = input;
    if (padding == Padding::valid) {
        length = input - window + 1;  // both operands are non-negative: no overflow
    } else if (padding == Padding::full) {
        length = fits(add_dims(input, window - 1));
    }
    if (length <= 0) {
        fail("the window (" + std::to_string(window) + ") is larger than the input (" +
             std::to_string(input) + ") with valid padding");
    }
    return ceil_div(length, stride);
}

Dim deconv_output_length(Dim input, std::int64_t kernel, Padding padding, std::int64_t stride,
                         std::int64_t dilation, std::optional<std::int64_t> output_padding) {
    if (!is_known(input)) return kUnknownDim;
    const std::int64_t window = dilated_kernel(kernel, dilation);
    std::int64_t length = 0;
    if (!output_padding) {
        length = representable(checked_mul(input, stride));
        if (padding == Padding::valid) {
            length = representable(checked_add(length, std::max<std::int64_t>(window - stride, 0)));
        } else if (padding == Padding::full) {
            length =
                representable(checked_sub(length, representable(checked_add(stride, window - 2))));
        }
    } else {
        std::int64_t pad = 0;
        if (padding == Padding::same) pad = window / 2;
        if (padding == Padding::full) pad = window - 1;
        if (input == 0) fail("a transposed convolution needs a non-empty input");
        length = representable(checked_mul(input - 1, stride));
        length = representable(checked_add(length, window));
        length = representable(checked_sub(length, representable(checked_mul(2, pad))));
        length = representable(checked_add(length, *output_padding));
    }
    if (length <= 0) fail("the output would be empty");
    return bounded(length);
}

Shape apply_window(const Shape& input, const Window& window, bool channels_first, Dim channels) {
    const std::size_t rank = window.size.size();
    require_rank(input, rank + 2);
    const FeatureAxes axes = feature_axes(rank, channels_first);
    Shape output = input;
    for (std::size_t i = 0; i < rank; ++i) {
        const std::size_t axis = axes.first_spatial + i;
        output[axis] = conv_output_length(input[axis], window.size[i], window.padding,
                                          window.strides[i], window.dilation[i]);
    }
    if (channels != kUnknownDim) output[axes.channels] = channels;
    return output;
}

}  // namespace strata::shapes
