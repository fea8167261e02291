#include "shapes/config.hpp"
#include "shapes/params_rules.hpp"

namespace strata::shapes {
namespace {

// The features of one time step: inputs are [batch, time, features]; initial states, when
// the layer is called with them, follow the sequence and add no weights.
std::int64_t step_features(InputShapes inputs) {
    if (inputs.empty()) fail("expects an input sequence");
    require_rank(inputs.front(), 3);
    return known_dim(inputs.front().back());
}

// `gates` blocks of a kernel [in, units], a recurrent kernel [units, units] and, when the
// layer has them, `biases_per_gate` bias vectors [units].
std::int64_t gated_cell(std::int64_t gates, std::int64_t in, std::int64_t units,
                        std::int64_t biases_per_gate) {
    const std::int64_t matrices = product_of({units, sum_of({in, units})});
    return product_of({gates, sum_of({matrices, product_of({biases_per_gate, units})})});
}

std::int64_t units(const Layer& layer) {
    return keras_count_attr(layer, "units");
}

std::int64_t has_bias(const Layer& layer) {
    return bias_size(layer, 1);
}

}  // namespace

std::int64_t count_simple_rnn(const Layer& layer, InputShapes inputs, const KerasDefaults&) {
    return gated_cell(1, step_features(inputs), units(layer), has_bias(layer));
}

// Input, forget, cell and output gates.
std::int64_t count_lstm(const Layer& layer, InputShapes inputs, const KerasDefaults&) {
    return gated_cell(4, step_features(inputs), units(layer), has_bias(layer));
}

// Update, reset and candidate; reset_after keeps separate input and recurrent biases.
std::int64_t count_gru(const Layer& layer, InputShapes inputs, const KerasDefaults& defaults) {
    const bool reset_after = bool_attr(layer, "reset_after", defaults.gru_reset_after);
    const std::int64_t biases = has_bias(layer) * (reset_after ? 2 : 1);
    return gated_cell(3, step_features(inputs), units(layer), biases);
}

// cuDNN keeps an input and a recurrent bias for every gate, and always has them.
std::int64_t count_cudnn_lstm(const Layer& layer, InputShapes inputs, const KerasDefaults&) {
    return gated_cell(4, step_features(inputs), units(layer), 2);
}

std::int64_t count_cudnn_gru(const Layer& layer, InputShapes inputs, const KerasDefaults&) {
    return gated_cell(3, step_features(inputs), units(layer), 2);
}

// ConvLSTM1D/2D/3D: per gate, a kernel [k..., in, filters] on the input and one [k...,
// filters, filters] on the state, and a bias [filters]. Inputs are [batch, time, spatial...,
// channels] or, channels_first, [batch, time, channels, spatial...].
std::int64_t count_conv_lstm(const Layer& layer, InputShapes inputs, std::size_t rank) {
    if (inputs.empty()) fail("expects an input sequence");
    const Shape& input = inputs.front();
    require_rank(input, rank + 3);
    const std::size_t channel_axis = is_channels_first(layer) ? 2 : rank + 2;
    const std::int64_t in = known_dim(input[channel_axis]);
    if (!layer.attrs.contains("kernel_size")) fail("kernel_size is not given");
    const std::int64_t kernel = volume(spatial_attr(layer, "kernel_size", rank, 1));
    const std::int64_t filters = keras_count_attr(layer, "filters");
    const std::int64_t per_gate =
        sum_of({product_of({kernel, sum_of({in, filters}), filters}), bias_size(layer, filters)});
    return product_of({4, per_gate});
}

}  // namespace strata::shapes
