#pragma once

#include "strata/diagnostics.hpp"
#include "strata/model.hpp"

namespace strata {

// Sets the output shapes of every layer whose shape is not yet known, from its inputs and its
// configuration (the Keras rules), visiting the layers in dependency order.
//
// A layer whose shape cannot be known (a Lambda, a custom class, an impossible configuration)
// gets empty `shapes` and `shape_known = false`, and so does everything that depends on it;
// one warning per such root cause names the layer, its type, the reason and how many layers
// depend on it. Layers already known (input layers, shapes the file states) are kept.
// Channels-first layers get their `channel_axis` (shapes::mark_channel_axes).
// Throws strata::Error only for a broken graph (a cycle, or an input that refers to no layer)
// and for a configuration no Keras could build (a stride of 0, groups that do not divide the
// channels: shapes::ImpossibleConfiguration), naming the layer.
void infer_shapes(Model& model, Warnings& warnings);

}  // namespace strata
