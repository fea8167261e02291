#include "shapes/config.hpp"
#include "shapes/params_rules.hpp"

namespace strata::shapes {
namespace {

// Elements on the normalised axes (axis: an integer or a list, -1 by default).
std::int64_t normalised_size(const Layer& layer, InputShapes inputs) {
    const std::vector<std::int64_t> axes =
        int_list_attr(layer, "axis").value_or(std::vector<std::int64_t>{-1});
    return axes_volume(single_input(inputs), axes);
}

// gamma when scale, beta when center (both true by default).
std::int64_t affine_size(const Layer& layer, std::int64_t size) {
    const std::int64_t vectors =
        (bool_attr(layer, "center", true) ? 1 : 0) + (bool_attr(layer, "scale", true) ? 1 : 0);
    return product_of({vectors, size});
}

}  // namespace

// gamma, beta, and the moving mean and variance (not trainable, counted all the same).
std::int64_t count_batch_normalization(const Layer& layer, InputShapes inputs,
                                       const KerasDefaults&) {
    const std::int64_t size = normalised_size(layer, inputs);
    return sum_of({affine_size(layer, size), product_of({2, size})});
}

// gamma and beta; with Keras 3's rms_scaling there is a gamma only.
std::int64_t count_layer_normalization(const Layer& layer, InputShapes inputs,
                                       const KerasDefaults&) {
    const std::int64_t size = normalised_size(layer, inputs);
    if (bool_attr(layer, "rms_scaling", false)) return size;
    return affine_size(layer, size);
}

// gamma and beta over the channels, which the groups must divide.
std::int64_t count_group_normalization(const Layer& layer, InputShapes inputs,
                                       const KerasDefaults&) {
    const std::int64_t channels = normalised_size(layer, inputs);
    // Keras: -1 is one group per channel.
    const std::int64_t given = int_attr(layer, "groups", 32);
    const std::int64_t groups = given == -1 ? channels : given;
    if (groups <= 0 || channels % groups != 0) fail("groups must divide the channels");
    return affine_size(layer, channels);
}

// The Normalization preprocessing layer learns a mean and a variance per element on the kept
// axes, plus a sample count; given mean and variance in the configuration are constants.
std::int64_t count_normalization(const Layer& layer, InputShapes inputs, const KerasDefaults&) {
    if (layer.attrs.contains("mean")) return 0;
    return sum_of({product_of({2, normalised_size(layer, inputs)}), 1});
}

}  // namespace strata::shapes
