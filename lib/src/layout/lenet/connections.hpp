#pragma once

#include <cstddef>
#include <vector>

#include "layout/lenet/feature_stacks.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"

namespace strata::layout {

// How two neighbouring stacks are joined: a receptive field (a patch on each face and the
// wedge between them) into a convolution or pooling of maps, a funnel from maps into a vector,
// a narrower band between anything else.
enum class ConnectionKind { receptive_field, funnel, band };

struct Connection {
    ConnectionKind kind = ConnectionKind::band;
    std::size_t from = 0, to = 0;     // stack indices, to == from + 1
    Rect source_patch, target_patch;  // receptive fields only
};

// The connection of each pair of neighbouring stacks, their patches placed on the faces
// (stacks in their final place) with visualkeras' seeded randomness: the same `seed` and layer
// names give the same figure as visualkeras.
std::vector<Connection> connections(const Model& model, const std::vector<FeatureStack>& stacks,
                                    const Options& options);

}  // namespace strata::layout
