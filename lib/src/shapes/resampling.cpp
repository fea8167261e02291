#include "shapes/config.hpp"
#include "shapes/dims.hpp"
#include "shapes/rules.hpp"
#include "shapes/spatial.hpp"

namespace strata::shapes {

OutputShapes infer_upsampling(const Layer& layer, InputShapes inputs, std::size_t rank) {
    const Shape& input = single_input(inputs);
    require_rank(input, rank + 2);
    const std::vector<std::int64_t> size = spatial_attr(layer, "size", rank, 2);
    const FeatureAxes axes = feature_axes(rank, is_channels_first(layer));
    Shape output = input;
    for (std::size_t i = 0; i < rank; ++i) {
        Dim& dim = output[axes.first_spatial + i];
        dim = fits(mul_dims(dim, size[i]));
    }
    return {output};
}

// Resizing, CenterCrop, RandomCrop: the image becomes height × width, channels unchanged.
OutputShapes infer_resizing(const Layer& layer, InputShapes inputs) {
    const Shape& input = single_input(inputs);
    require_rank(input, 4);
    const Dim height = positive_int_attr(layer, "height");
    const Dim width = positive_int_attr(layer, "width");
    const FeatureAxes axes = feature_axes(2, is_channels_first(layer));
    Shape output = input;
    output[axes.first_spatial] = height;
    output[axes.first_spatial + 1] = width;
    return {output};
}

}  // namespace strata::shapes
