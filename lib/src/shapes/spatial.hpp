#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "shapes/config.hpp"
#include "strata/model.hpp"

namespace strata::shapes {

// Where the channels and the spatial axes of a feature map are, batch axis included:
// channels_last [batch, d1..dn, channels], channels_first [batch, channels, d1..dn].
struct FeatureAxes {
    std::size_t channels = 0;
    std::size_t first_spatial = 0;
};
FeatureAxes feature_axes(std::size_t spatial_rank, bool channels_first);

// Length of a convolution or pooling output along one axis, as Keras' conv_output_length:
// "same" and "causal" keep the length, "valid" drops the dilated kernel, then the stride
// divides rounding up. An empty output fails the rule.
Dim conv_output_length(Dim input, std::int64_t kernel, Padding padding, std::int64_t stride,
                       std::int64_t dilation);

// Length of a transposed convolution output, as Keras' deconv_output_length.
Dim deconv_output_length(Dim input, std::int64_t kernel, Padding padding, std::int64_t stride,
                         std::int64_t dilation, std::optional<std::int64_t> output_padding);

// The window of a convolution or pooling layer: one entry per spatial axis.
struct Window {
    std::vector<std::int64_t> size;
    std::vector<std::int64_t> strides;
    std::vector<std::int64_t> dilation;
    Padding padding = Padding::valid;
};

// `input` with every spatial axis reduced by `window` and the channels set to `channels`
// (kUnknownDim keeps the input's). The input must have spatial_rank + 2 axes.
Shape apply_window(const Shape& input, const Window& window, bool channels_first, Dim channels);

}  // namespace strata::shapes
