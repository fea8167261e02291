#include "shapes/params_table.hpp"

#include <functional>
#include <map>
#include <string>

#include "shapes/params_rules.hpp"
#include "strata/printable.hpp"

namespace strata::shapes {
namespace {

using CounterTable = std::map<std::string, ParamCounter, std::less<>>;

// Counters parameterised by the number of spatial axes, bound to one value each.
template <std::int64_t (*counter)(const Layer&, InputShapes, std::size_t), std::size_t rank>
std::int64_t bound(const Layer& layer, InputShapes inputs, const KerasDefaults&) {
    return counter(layer, inputs, rank);
}

// Layers that compute from their inputs alone (random augmentation keeps only a seed, which
// Keras does not count as a weight).
constexpr const char* kWeightless[] = {
    "InputLayer",
    "Activation",
    "ReLU",
    "LeakyReLU",
    "ELU",
    "ThresholdedReLU",
    "Softmax",
    "Dropout",
    "SpatialDropout1D",
    "SpatialDropout2D",
    "SpatialDropout3D",
    "GaussianNoise",
    "GaussianDropout",
    "AlphaDropout",
    "ActivityRegularization",
    "Masking",
    "Rescaling",
    "Identity",
    "UnitNormalization",
    "RandomFlip",
    "RandomRotation",
    "RandomZoom",
    "RandomContrast",
    "RandomTranslation",
    "RandomBrightness",
    "RandomCrop",
    "CenterCrop",
    "Resizing",
    "MaxPooling1D",
    "MaxPooling2D",
    "MaxPooling3D",
    "AveragePooling1D",
    "AveragePooling2D",
    "AveragePooling3D",
    "GlobalAveragePooling1D",
    "GlobalAveragePooling2D",
    "GlobalAveragePooling3D",
    "GlobalMaxPooling1D",
    "GlobalMaxPooling2D",
    "GlobalMaxPooling3D",
    "ZeroPadding1D",
    "ZeroPadding2D",
    "ZeroPadding3D",
    "Cropping1D",
    "Cropping2D",
    "Cropping3D",
    "UpSampling1D",
    "UpSampling2D",
    "UpSampling3D",
    "Flatten",
    "Reshape",
    "Permute",
    "RepeatVector",
    "Add",
    "Subtract",
    "Multiply",
    "Average",
    "Maximum",
    "Minimum",
    "Concatenate",
    "Dot",
};

CounterTable make_table() {
    CounterTable table{
        {"Dense", &count_dense},
        {"Embedding", &count_embedding},
        {"PReLU", &count_prelu},

        {"Conv1D", &bound<count_conv, 1>},
        {"Conv2D", &bound<count_conv, 2>},
        {"Conv3D", &bound<count_conv, 3>},
        {"Conv1DTranspose", &bound<count_conv_transpose, 1>},
        {"Conv2DTranspose", &bound<count_conv_transpose, 2>},
        {"Conv3DTranspose", &bound<count_conv_transpose, 3>},
        {"DepthwiseConv1D", &bound<count_depthwise_conv, 1>},
        {"DepthwiseConv2D", &bound<count_depthwise_conv, 2>},
        {"SeparableConv1D", &bound<count_separable_conv, 1>},
        {"SeparableConv2D", &bound<count_separable_conv, 2>},

        {"BatchNormalization", &count_batch_normalization},
        {"BatchNormalizationV1", &count_batch_normalization},
        {"BatchNormalizationV2", &count_batch_normalization},
        {"LayerNormalization", &count_layer_normalization},
        {"GroupNormalization", &count_group_normalization},
        {"Normalization", &count_normalization},

        {"SimpleRNN", &count_simple_rnn},
        {"LSTM", &count_lstm},
        {"GRU", &count_gru},
        {"CuDNNLSTM", &count_cudnn_lstm},
        {"CuDNNGRU", &count_cudnn_gru},
        {"ConvLSTM1D", &bound<count_conv_lstm, 1>},
        {"ConvLSTM2D", &bound<count_conv_lstm, 2>},
        {"ConvLSTM3D", &bound<count_conv_lstm, 3>},
        {"Bidirectional", &count_bidirectional},
        {"TimeDistributed", &count_time_distributed},

        {"MultiHeadAttention", &count_multi_head_attention},
        {"Attention", &count_dot_attention},
        {"AdditiveAttention", &count_additive_attention},
    };
    for (const char* type : kWeightless) table.emplace(type, &count_nothing);
    return table;
}

const CounterTable& table() {
    static const CounterTable counters = make_table();
    return counters;
}

}  // namespace

std::int64_t count_nothing(const Layer&, InputShapes, const KerasDefaults&) {
    return 0;
}

ParamCounter find_counter(std::string_view type) {
    auto it = table().find(type);
    return it == table().end() ? nullptr : it->second;
}

bool has_no_weights(std::string_view type) {
    return find_counter(type) == &count_nothing;
}

std::int64_t apply_counter(const Layer& layer, InputShapes inputs, const KerasDefaults& defaults) {
    ParamCounter counter = find_counter(layer.type);
    if (counter == nullptr) {
        fail("no weight count for layer type " + quoted_text(layer.type) +
             " (a custom or unsupported layer)");
    }
    return counter(layer, inputs, defaults);
}

}  // namespace strata::shapes
