#pragma once

#include <cstdint>

#include "strata/model.hpp"

namespace strata::layout {

// A layer's output as the lenet view draws it: a stack of feature maps (spatial: height, width,
// channels) or a vector (its units as channels of a 1 x 1 map). Unknown dimensions count 1.
struct RenderShape {
    bool spatial = false;
    std::int64_t h = 1, w = 1, c = 1;
};

// visualkeras' reading of the first output: rank 3 without the batch is H x W x C (C x H x W
// when the layer is channels-first); rank 2 is 1 x L x C for a Conv1D or pooling 1-D layer;
// everything else is a vector of the product of its dimensions. visualkeras tells a Conv1D by
// its class name, so that a sequence of the same shape from another layer (an LSTM's, an ONNX
// Conv's) is one vector of L * C units; with `every_sequence` each rank-2 output is 1 x L x C
// (C x L channels-first): one rule, one label form ("C@1×L") for every sequence.
RenderShape render_shape(const Layer& layer, bool every_sequence);

}  // namespace strata::layout
