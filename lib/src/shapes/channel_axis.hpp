#pragma once

#include <cstddef>
#include <vector>

#include "strata/model.hpp"

namespace strata::shapes {

// Says which layers of a Keras model hold channels-first tensors, so that they are drawn with
// their channels as depth like every other model: layers with data_format channels_first
// (Keras 1's dim_ordering "th"), what layers that keep their input's layout (activations,
// dropout, normalisation, merges) make of them, and the producers such layers read (an input,
// a reshape). Sets `channel_axis` 1 on those of rank three or more. Layers whose
// `channel_axis` is already set, and models without channels_first layers (ONNX graphs, whose
// importer says it), are left as they are. Linear in layers plus connections.
void mark_channel_axes(Model& model, const std::vector<std::size_t>& dependency_order);

}  // namespace strata::shapes
