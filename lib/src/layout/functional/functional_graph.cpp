#include "layout/functional/functional_graph.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <utility>

#include "layout/functional/collapse_runs.hpp"
#include "layout/functional/node_size.hpp"
#include "layout/graph/dag.hpp"
#include "strata/error.hpp"
#include "style/layer_style.hpp"

namespace strata::layout::functional {
namespace {

// The layers a model lists itself: an implicit input (a Sequential model's) is not one.
std::vector<std::size_t> listed_layers(const Model& model) {
    std::vector<std::size_t> drawn;
    for (std::size_t i = 0; i < model.layers.size(); ++i)
        if (!model.layers[i].implicit) drawn.push_back(i);
    return drawn;
}

Node layer_node(const Model& model, std::size_t layer, std::size_t order, const Options& options,
                double scale) {
    const LayerStyle style = resolve_style(model.layers[layer], options);
    FaceSize face = face_size(model.layers[layer], style.limits, options);
    face.width *= scale;
    face.height *= scale;
    Node node;
    node.layer = layer;
    node.order = order;
    node.de = options.draw_volume ? std::trunc(face.width / 3) : 0;
    node.width = face.width + node.de;
    node.height = face.height + node.de;
    return node;
}

// The longest path from an input to each node (the edges form a DAG: the model's, with runs
// collapsed and markers added).
std::vector<int> longest_path_ranks(const Graph& g) {
    std::vector<std::vector<std::size_t>> out(g.nodes.size());
    std::vector<std::size_t> waiting(g.nodes.size(), 0);
    for (const Edge& e : g.edges) {
        out[e.src].push_back(e.dst);
        ++waiting[e.dst];
    }
    std::vector<int> rank(g.nodes.size(), 0);
    std::vector<std::size_t> ready;
    for (std::size_t v = 0; v < g.nodes.size(); ++v)
        if (waiting[v] == 0) ready.push_back(v);
    while (!ready.empty()) {
        const std::size_t v = ready.back();
        ready.pop_back();
        for (std::size_t w : out[v]) {
            rank[w] = std::max(rank[w], rank[v] + 1);
            if (--waiting[w] == 0) ready.push_back(w);
        }
    }
    return rank;
}

// Replaces every edge over more than one rank by a chain through a waypoint in each rank
// between, in edge order, so that every edge joins neighbouring ranks.
void add_waypoints(Graph& g, const Options& options) {
    // Every edge passes one waypoint per rank it skips: a model whose input feeds every layer
    // of a long chain would need a number of them quadratic in its layers.
    constexpr std::size_t kMostWaypoints = 200000;
    std::size_t needed = 0;
    for (const Edge& e : g.edges) {
        const int skipped = g.nodes[e.dst].rank - g.nodes[e.src].rank - 1;
        if (skipped > 0) needed += static_cast<std::size_t>(skipped);
        if (needed > kMostWaypoints)
            throw Error("",
                        "the functional view of this model would pass its connectors through "
                        "more than " +
                            std::to_string(kMostWaypoints) +
                            " waypoints (connectors that skip many columns): draw it with "
                            "--view layered");
    }
    std::vector<Edge> edges;
    edges.reserve(g.edges.size());
    std::size_t order = 0;
    for (const Node& n : g.nodes) order = std::max(order, n.order + 1);
    for (const Edge& e : g.edges) {
        const int from = g.nodes[e.src].rank, to = g.nodes[e.dst].rank;
        std::size_t prev = e.src;
        for (int r = from + 1; r < to; ++r) {
            Node w;
            w.kind = NodeKind::waypoint;
            w.layer = g.nodes[e.src].layer;
            w.width = w.height = options.virtual_node_size;
            w.order = order++;
            w.rank = r;
            g.nodes.push_back(w);
            edges.push_back({prev, g.nodes.size() - 1});
            prev = g.nodes.size() - 1;
        }
        edges.push_back({prev, e.dst});
    }
    g.edges = std::move(edges);
}

}  // namespace

Graph build_graph(const Model& model, const Options& options, double scale) {
    const std::vector<std::size_t> drawn = listed_layers(model);
    const graph::Dag dag = graph::build_dag(model, drawn);
    Graph g;
    g.nodes.reserve(drawn.size());
    for (std::size_t i = 0; i < drawn.size(); ++i)
        g.nodes.push_back(layer_node(model, drawn[i], i, options, scale));
    for (std::size_t v = 0; v < dag.size(); ++v)
        for (std::size_t p : dag.preds[v]) g.edges.push_back({p, v});
    std::vector<Edge> marker_edges;
    if (options.add_output_nodes) {
        const double size = std::max(options.virtual_node_size * 2, 16.0 * scale);
        std::set<std::size_t> marked;
        for (const TensorRef& out : model.outputs) {
            auto it = std::find(drawn.begin(), drawn.end(), out.layer);
            if (it == drawn.end() || !marked.insert(out.layer).second) continue;
            Node marker;
            marker.kind = NodeKind::output_marker;
            marker.layer = out.layer;
            marker.width = marker.height = size;
            marker.order = g.nodes.size();
            g.nodes.push_back(marker);
            marker_edges.push_back(
                {static_cast<std::size_t>(it - drawn.begin()), g.nodes.size() - 1});
        }
    }
    g.edges.insert(g.edges.end(), marker_edges.begin(), marker_edges.end());
    if (options.collapse_enabled && !options.collapse_rules.empty())
        collapse_runs(g, model, options.collapse_rules);
    const std::vector<int> rank = longest_path_ranks(g);
    for (std::size_t i = 0; i < g.nodes.size(); ++i) g.nodes[i].rank = rank[i];
    add_waypoints(g, options);
    return g;
}

}  // namespace strata::layout::functional
