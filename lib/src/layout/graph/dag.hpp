#pragma once

#include <cstddef>
#include <vector>

#include "strata/model.hpp"

namespace strata::layout::graph {

// The drawn layers of a model as a DAG. Node i is the i-th drawn layer in model order; an edge
// u → v means v consumes u's output, directly or through layers that are not drawn (ignored
// types, dropped inputs).
struct Dag {
    std::vector<std::size_t> layer;               // model layer index of each node
    std::vector<std::vector<std::size_t>> preds;  // sorted, unique
    std::vector<std::vector<std::size_t>> succs;  // sorted, unique
    std::vector<std::size_t> topo;                // a topological order, model order on ties
    std::size_t size() const { return layer.size(); }
};

// Builds the DAG of the drawn layers `drawn` (model layer indices, increasing). Edges that would
// close a cycle (never in a valid model) are dropped. Linear in layers and edges.
Dag build_dag(const Model& model, const std::vector<std::size_t>& drawn);

}  // namespace strata::layout::graph
