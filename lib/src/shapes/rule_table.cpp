#include "shapes/rule_table.hpp"

#include <functional>
#include <map>
#include <string>

#include "shapes/rules.hpp"
#include "strata/printable.hpp"

namespace strata::shapes {
namespace {

using RuleTable = std::map<std::string, ShapeRule, std::less<>>;

// Rules parameterised by rank or state count, bound to one value each.
template <OutputShapes (*rule)(const Layer&, InputShapes, std::size_t), std::size_t n>
OutputShapes bound(const Layer& layer, InputShapes inputs) {
    return rule(layer, inputs, n);
}

void add_shape_preserving(RuleTable& table) {
    for (const char* type : {"InputLayer",
                             "Activation",
                             "ReLU",
                             "LeakyReLU",
                             "PReLU",
                             "ELU",
                             "ThresholdedReLU",
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
                             "Normalization",
                             "Identity",
                             "RandomFlip",
                             "RandomRotation",
                             "RandomZoom",
                             "RandomContrast",
                             "RandomTranslation",
                             "RandomBrightness"}) {
        table.emplace(type, &infer_same_shape);
    }
    for (const char* type :
         {"Softmax", "BatchNormalization", "BatchNormalizationV1", "BatchNormalizationV2",
          "LayerNormalization", "GroupNormalization", "UnitNormalization"}) {
        table.emplace(type, &infer_same_shape_on_axes);
    }
}

RuleTable make_table() {
    RuleTable table{
        {"Conv1D", &bound<infer_conv, 1>},
        {"Conv2D", &bound<infer_conv, 2>},
        {"Conv3D", &bound<infer_conv, 3>},
        {"SeparableConv1D", &bound<infer_conv, 1>},
        {"SeparableConv2D", &bound<infer_conv, 2>},
        {"Conv1DTranspose", &bound<infer_conv_transpose, 1>},
        {"Conv2DTranspose", &bound<infer_conv_transpose, 2>},
        {"Conv3DTranspose", &bound<infer_conv_transpose, 3>},
        {"DepthwiseConv1D", &bound<infer_depthwise_conv, 1>},
        {"DepthwiseConv2D", &bound<infer_depthwise_conv, 2>},

        {"MaxPooling1D", &bound<infer_pooling, 1>},
        {"MaxPooling2D", &bound<infer_pooling, 2>},
        {"MaxPooling3D", &bound<infer_pooling, 3>},
        {"AveragePooling1D", &bound<infer_pooling, 1>},
        {"AveragePooling2D", &bound<infer_pooling, 2>},
        {"AveragePooling3D", &bound<infer_pooling, 3>},
        {"GlobalAveragePooling1D", &bound<infer_global_pooling, 1>},
        {"GlobalAveragePooling2D", &bound<infer_global_pooling, 2>},
        {"GlobalAveragePooling3D", &bound<infer_global_pooling, 3>},
        {"GlobalMaxPooling1D", &bound<infer_global_pooling, 1>},
        {"GlobalMaxPooling2D", &bound<infer_global_pooling, 2>},
        {"GlobalMaxPooling3D", &bound<infer_global_pooling, 3>},

        {"ZeroPadding1D", &bound<infer_zero_padding, 1>},
        {"ZeroPadding2D", &bound<infer_zero_padding, 2>},
        {"ZeroPadding3D", &bound<infer_zero_padding, 3>},
        {"Cropping1D", &bound<infer_cropping, 1>},
        {"Cropping2D", &bound<infer_cropping, 2>},
        {"Cropping3D", &bound<infer_cropping, 3>},
        {"UpSampling1D", &bound<infer_upsampling, 1>},
        {"UpSampling2D", &bound<infer_upsampling, 2>},
        {"UpSampling3D", &bound<infer_upsampling, 3>},
        {"Resizing", &infer_resizing},
        {"CenterCrop", &infer_resizing},
        {"RandomCrop", &infer_resizing},

        {"Flatten", &infer_flatten},
        {"Reshape", &infer_reshape},
        {"Permute", &infer_permute},
        {"RepeatVector", &infer_repeat_vector},

        {"Dense", &infer_dense},
        {"Embedding", &infer_embedding},
        {"Lambda", &infer_lambda},

        {"Add", &infer_broadcast_merge},
        {"Subtract", &infer_broadcast_merge},
        {"Multiply", &infer_broadcast_merge},
        {"Average", &infer_broadcast_merge},
        {"Maximum", &infer_broadcast_merge},
        {"Minimum", &infer_broadcast_merge},
        {"Concatenate", &infer_concatenate},
        {"Dot", &infer_dot},

        {"LSTM", &bound<infer_recurrent, 2>},
        {"CuDNNLSTM", &bound<infer_recurrent, 2>},
        {"GRU", &bound<infer_recurrent, 1>},
        {"CuDNNGRU", &bound<infer_recurrent, 1>},
        {"SimpleRNN", &bound<infer_recurrent, 1>},
        {"ConvLSTM1D", &bound<infer_conv_recurrent, 1>},
        {"ConvLSTM2D", &bound<infer_conv_recurrent, 2>},
        {"ConvLSTM3D", &bound<infer_conv_recurrent, 3>},
        {"Bidirectional", &infer_bidirectional},
        {"TimeDistributed", &infer_time_distributed},

        {"MultiHeadAttention", &infer_multi_head_attention},
        {"Attention", &infer_attention},
        {"AdditiveAttention", &infer_attention},
    };
    add_shape_preserving(table);
    return table;
}

}  // namespace

ShapeRule find_rule(std::string_view type) {
    static const RuleTable table = make_table();
    auto it = table.find(type);
    return it == table.end() ? nullptr : it->second;
}

bool keeps_input_layout(std::string_view type) {
    const ShapeRule rule = find_rule(type);
    return rule == &infer_same_shape || rule == &infer_broadcast_merge ||
           rule == &infer_concatenate;
}

OutputShapes apply_rule(const Layer& layer, InputShapes inputs) {
    ShapeRule rule = find_rule(layer.type);
    if (rule == nullptr) {
        fail("no shape rule for layer type " + quoted_text(layer.type) +
             " (a custom or unsupported layer)");
    }
    return rule(layer, inputs);
}

}  // namespace strata::shapes
