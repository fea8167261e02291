#pragma once

#include <cstddef>

#include "shapes/rule.hpp"

// The shape rules, one per layer family. Each takes the layer (its configuration) and the shapes
// of its inputs and returns one shape per output, or fails with a ShapeProblem. `rank` is the
// number of spatial axes (1 for Conv1D, 2 for Conv2D, ...). rule_table.cpp maps type names here.
namespace strata::shapes {

// conv.cpp
OutputShapes infer_conv(const Layer& layer, InputShapes inputs, std::size_t rank);
OutputShapes infer_conv_transpose(const Layer& layer, InputShapes inputs, std::size_t rank);
OutputShapes infer_depthwise_conv(const Layer& layer, InputShapes inputs, std::size_t rank);

// pooling.cpp
OutputShapes infer_pooling(const Layer& layer, InputShapes inputs, std::size_t rank);
OutputShapes infer_global_pooling(const Layer& layer, InputShapes inputs, std::size_t rank);

// padding.cpp
OutputShapes infer_zero_padding(const Layer& layer, InputShapes inputs, std::size_t rank);
OutputShapes infer_cropping(const Layer& layer, InputShapes inputs, std::size_t rank);

// resampling.cpp
OutputShapes infer_upsampling(const Layer& layer, InputShapes inputs, std::size_t rank);
OutputShapes infer_resizing(const Layer& layer, InputShapes inputs);

// reshaping.cpp
OutputShapes infer_flatten(const Layer& layer, InputShapes inputs);
OutputShapes infer_reshape(const Layer& layer, InputShapes inputs);
OutputShapes infer_permute(const Layer& layer, InputShapes inputs);
OutputShapes infer_repeat_vector(const Layer& layer, InputShapes inputs);

// core.cpp
OutputShapes infer_dense(const Layer& layer, InputShapes inputs);
OutputShapes infer_embedding(const Layer& layer, InputShapes inputs);
OutputShapes infer_lambda(const Layer& layer, InputShapes inputs);

// elementwise.cpp: activations, normalisation, dropout, noise: the output is the input.
OutputShapes infer_same_shape(const Layer& layer, InputShapes inputs);
// The same shape, for a layer that acts along `axis` (an integer or a list; Softmax,
// normalisations): an axis the input does not have is an ImpossibleConfiguration.
OutputShapes infer_same_shape_on_axes(const Layer& layer, InputShapes inputs);

// merging.cpp
OutputShapes infer_broadcast_merge(const Layer& layer, InputShapes inputs);
OutputShapes infer_concatenate(const Layer& layer, InputShapes inputs);
OutputShapes infer_dot(const Layer& layer, InputShapes inputs);

// recurrent.cpp: `states` is the number of state tensors return_state adds (2 for LSTM).
OutputShapes infer_recurrent(const Layer& layer, InputShapes inputs, std::size_t states);
OutputShapes infer_conv_recurrent(const Layer& layer, InputShapes inputs, std::size_t rank);

// wrappers.cpp
OutputShapes infer_bidirectional(const Layer& layer, InputShapes inputs);
OutputShapes infer_time_distributed(const Layer& layer, InputShapes inputs);

// attention.cpp
OutputShapes infer_multi_head_attention(const Layer& layer, InputShapes inputs);
OutputShapes infer_attention(const Layer& layer, InputShapes inputs);

}  // namespace strata::shapes
