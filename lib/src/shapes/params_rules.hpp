#pragma once

#include <cstddef>

#include "shapes/params_rule.hpp"

// The weight counters, one per layer family, with Keras' formulas. `rank` is the number of
// spatial axes (1 for Conv1D, 2 for Conv2D, ...). params_table.cpp maps type names here.
namespace strata::shapes {

// params_table.cpp: layers without weights (activations, pooling, reshaping, merging, ...).
std::int64_t count_nothing(const Layer& layer, InputShapes inputs, const KerasDefaults& defaults);

// params_core.cpp
std::int64_t count_dense(const Layer& layer, InputShapes inputs, const KerasDefaults& defaults);
std::int64_t count_embedding(const Layer& layer, InputShapes inputs, const KerasDefaults& defaults);
std::int64_t count_prelu(const Layer& layer, InputShapes inputs, const KerasDefaults& defaults);

// params_conv.cpp
std::int64_t count_conv(const Layer& layer, InputShapes inputs, std::size_t rank);
std::int64_t count_conv_transpose(const Layer& layer, InputShapes inputs, std::size_t rank);
std::int64_t count_depthwise_conv(const Layer& layer, InputShapes inputs, std::size_t rank);
std::int64_t count_separable_conv(const Layer& layer, InputShapes inputs, std::size_t rank);

// params_normalization.cpp
std::int64_t count_batch_normalization(const Layer& layer, InputShapes inputs,
                                       const KerasDefaults& defaults);
std::int64_t count_layer_normalization(const Layer& layer, InputShapes inputs,
                                       const KerasDefaults& defaults);
std::int64_t count_group_normalization(const Layer& layer, InputShapes inputs,
                                       const KerasDefaults& defaults);
std::int64_t count_normalization(const Layer& layer, InputShapes inputs,
                                 const KerasDefaults& defaults);

// params_recurrent.cpp
std::int64_t count_simple_rnn(const Layer& layer, InputShapes inputs,
                              const KerasDefaults& defaults);
std::int64_t count_lstm(const Layer& layer, InputShapes inputs, const KerasDefaults& defaults);
std::int64_t count_gru(const Layer& layer, InputShapes inputs, const KerasDefaults& defaults);
std::int64_t count_cudnn_lstm(const Layer& layer, InputShapes inputs,
                              const KerasDefaults& defaults);
std::int64_t count_cudnn_gru(const Layer& layer, InputShapes inputs, const KerasDefaults& defaults);
std::int64_t count_conv_lstm(const Layer& layer, InputShapes inputs, std::size_t rank);

// params_attention.cpp
std::int64_t count_multi_head_attention(const Layer& layer, InputShapes inputs,
                                        const KerasDefaults& defaults);
std::int64_t count_dot_attention(const Layer& layer, InputShapes inputs,
                                 const KerasDefaults& defaults);
std::int64_t count_additive_attention(const Layer& layer, InputShapes inputs,
                                      const KerasDefaults& defaults);

// params_wrappers.cpp
std::int64_t count_bidirectional(const Layer& layer, InputShapes inputs,
                                 const KerasDefaults& defaults);
std::int64_t count_time_distributed(const Layer& layer, InputShapes inputs,
                                    const KerasDefaults& defaults);

}  // namespace strata::shapes
