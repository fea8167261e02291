#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "strata/model.hpp"
#include "strata/options.hpp"

namespace strata::layout {

// One thing the graph view draws as a stack of nodes: a layer of the model, or one of the
// model's output tensors (a node after the layer that produces it).
struct GraphMember {
    std::optional<std::size_t> layer;  // the model layer; unset for an output tensor
    std::size_t output = 0;            // for an output tensor: which of the model's outputs
    std::string name;
};

// The columns of the graph view, left to right, each listing its members top to bottom, and
// the connections between members in the order they are painted.
struct GraphColumns {
    std::vector<GraphMember> members;
    std::vector<std::vector<std::size_t>> columns;  // indices into `members`
    std::vector<std::pair<std::size_t, std::size_t>> edges;
};

// The columns of `model`: each layer one column after the last of its inputs' (inputs in the
// first), every layer once, in model order within a column. With compat_visualkeras, the
// columns visualkeras forms instead, quirks included: a layer can share a column with an
// input added to that column before it, and then appears again in the next column.
// Output tensors get a column of their own after the rest when `inout_as_tensor`, or when some
// output's layer is not in the last column.
GraphColumns graph_columns(const Model& model, const Options& options);

}  // namespace strata::layout
