#include "layout/graph/dag.hpp"

#include <algorithm>
#include <functional>
#include <queue>

namespace strata::layout::graph {
namespace {

// A node reached through hidden layers keeps at most this many drawn ancestors: enough for any
// real merge, and it keeps hostile graphs of hidden layers linear.
constexpr std::size_t kMaxHiddenAncestors = 16;

// Kahn's algorithm with the smallest index first; nodes left in a cycle follow in index order.
std::vector<std::size_t> topological_order(const std::vector<std::vector<std::size_t>>& preds) {
    const std::size_t n = preds.size();
    std::vector<std::size_t> indegree(n, 0);
    std::vector<std::vector<std::size_t>> succs(n);
    for (std::size_t v = 0; v < n; ++v) {
        for (std::size_t u : preds[v]) {
            succs[u].push_back(v);
            ++indegree[v];
        }
    }
    std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;
    for (std::size_t v = 0; v < n; ++v) {
        if (indegree[v] == 0) ready.push(v);
    }
    std::vector<std::size_t> order;
    order.reserve(n);
    std::vector<bool> placed(n, false);
    while (!ready.empty()) {
        std::size_t v = ready.top();
        ready.pop();
        order.push_back(v);
        placed[v] = true;
        for (std::size_t w : succs[v]) {
            if (--indegree[w] == 0) ready.push(w);
        }
    }
    for (std::size_t v = 0; v < n; ++v) {
        if (!placed[v]) order.push_back(v);
    }
    return order;
}

void sort_unique(std::vector<std::size_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

Dag build_dag(const Model& model, const std::vector<std::size_t>& drawn) {
    const std::size_t layers = model.layers.size();
    std::vector<std::vector<std::size_t>> layer_preds(layers);
    for (std::size_t l = 0; l < layers; ++l) {
        for (const TensorRef& in : model.layers[l].inputs) {
            if (in.layer < layers && in.layer != l) layer_preds[l].push_back(in.layer);
        }
        sort_unique(layer_preds[l]);
    }
    const std::vector<std::size_t> layer_order = topological_order(layer_preds);

    std::vector<std::size_t> node_of(layers, layers);  // `layers` = not drawn
    for (std::size_t i = 0; i < drawn.size(); ++i) node_of[drawn[i]] = i;

    // Drawn ancestors of every layer's output: itself when drawn, else those of its inputs.
    std::vector<std::vector<std::size_t>> reach(layers);
    Dag dag;
    dag.layer = drawn;
    dag.preds.resize(drawn.size());
    std::vector<std::size_t> position(layers, 0);
    for (std::size_t i = 0; i < layer_order.size(); ++i) position[layer_order[i]] = i;
    for (std::size_t l : layer_order) {
        std::vector<std::size_t> from;
        for (std::size_t p : layer_preds[l]) {
            if (position[p] >= position[l]) continue;  // a cycle edge
            from.insert(from.end(), reach[p].begin(), reach[p].end());
        }
        sort_unique(from);
        if (node_of[l] < layers) {
            dag.preds[node_of[l]] = std::move(from);
            reach[l] = {node_of[l]};
        } else {
            if (from.size() > kMaxHiddenAncestors) from.resize(kMaxHiddenAncestors);
            reach[l] = std::move(from);
        }
    }
    dag.topo = topological_order(dag.preds);
    // Keep only edges that agree with the order, so later stages may rely on it.
    std::vector<std::size_t> rank(drawn.size(), 0);
    for (std::size_t i = 0; i < dag.topo.size(); ++i) rank[dag.topo[i]] = i;
    dag.succs.resize(drawn.size());
    for (std::size_t v = 0; v < drawn.size(); ++v) {
        auto& p = dag.preds[v];
        p.erase(
            std::remove_if(p.begin(), p.end(), [&](std::size_t u) { return rank[u] >= rank[v]; }),
            p.end());
        for (std::size_t u : p) dag.succs[u].push_back(v);
    }
    for (auto& s : dag.succs) sort_unique(s);
    return dag;
}

}  // namespace strata::layout::graph
