#pragma once

#include "layout/functional/functional_graph.hpp"

namespace strata::layout::functional {

// Places every node of `g` (sets x, y): ranks become columns as wide as their widest box,
// column_spacing apart, from `padding`; each connected part of the graph gets its own band,
// component_spacing below the one before, its columns centred in it and ordered by barycentres
// (layout_iterations sweeps down and up) to reduce crossings; then each node with a single
// neighbour that has no other is moved level with it, columns kept row_spacing apart.
void place_nodes(Graph& g, const Options& options);

}  // namespace strata::layout::functional
