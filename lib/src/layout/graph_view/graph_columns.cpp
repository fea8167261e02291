#include "layout/graph_view/graph_columns.hpp"

#include <algorithm>
#include <deque>
#include <tuple>

namespace strata::layout {
namespace {

// The layers each layer reads from, each once, in call order.
std::vector<std::vector<std::size_t>> parents_of(const Model& model) {
    std::vector<std::vector<std::size_t>> parents(model.layers.size());
    for (std::size_t i = 0; i < model.layers.size(); ++i) {
        for (const TensorRef& in : model.layers[i].inputs) {
            if (in.layer >= model.layers.size()) continue;
            auto& list = parents[i];
            if (std::find(list.begin(), list.end(), in.layer) == list.end())
                list.push_back(in.layer);
        }
    }
    return parents;
}

std::vector<std::vector<std::size_t>> children_of(
    const std::vector<std::vector<std::size_t>>& parents) {
    std::vector<std::vector<std::size_t>> children(parents.size());
    for (std::size_t i = 0; i < parents.size(); ++i) {
        for (std::size_t p : parents[i]) children[p].push_back(i);  // ascending, as i grows
    }
    return children;
}

// Each layer one column after the last of its inputs: a layer is placed once all its inputs
// are (Kahn's order), so files that list a layer before its inputs are drawn alike.
std::vector<std::vector<std::size_t>> longest_path_columns(
    const std::vector<std::vector<std::size_t>>& parents,
    const std::vector<std::vector<std::size_t>>& children) {
    const std::size_t n = parents.size();
    std::vector<std::size_t> waiting(n), column(n, 0);
    std::deque<std::size_t> ready;
    for (std::size_t i = 0; i < n; ++i) {
        waiting[i] = parents[i].size();
        if (waiting[i] == 0) ready.push_back(i);
    }
    std::vector<bool> placed(n, false);
    std::size_t last = 0;
    while (!ready.empty()) {
        const std::size_t at = ready.front();
        ready.pop_front();
        placed[at] = true;
        for (std::size_t p : parents[at]) column[at] = std::max(column[at], column[p] + 1);
        last = std::max(last, column[at]);
        for (std::size_t c : children[at]) {
            if (--waiting[c] == 0) ready.push_back(c);
        }
    }
    std::vector<std::vector<std::size_t>> columns(n == 0 ? 0 : last + 1);
    for (std::size_t i = 0; i < n; ++i) {
        if (placed[i]) columns[column[i]].push_back(i);
    }
    return columns;
}

// visualkeras' columns: starting from the inputs, the next column takes every child of the
// current column whose inputs have all been placed, counting those placed in the column
// being built. It stops at the first column whose layers have no children.
std::vector<std::vector<std::size_t>> visualkeras_columns(
    const std::vector<std::vector<std::size_t>>& parents,
    const std::vector<std::vector<std::size_t>>& children) {
    const std::size_t n = parents.size();
    std::vector<std::vector<std::size_t>> columns(1);
    std::vector<bool> placed(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        if (parents[i].empty()) {
            columns[0].push_back(i);
            placed[i] = true;
        }
    }
    // A layer can enter several columns (once per column at most), so the columns are cut
    // once they hold twice the layers: a hostile graph could otherwise make them quadratic.
    std::size_t placements = columns[0].size();
    while (columns.size() <= n + 1 && placements <= 2 * n) {
        std::vector<std::size_t> next;
        bool finished = true;
        for (std::size_t start : columns.back()) {
            for (std::size_t end : children[start]) {
                finished = false;
                const bool inputs_placed = std::all_of(parents[end].begin(), parents[end].end(),
                                                       [&](std::size_t p) { return placed[p]; });
                if (inputs_placed && std::find(next.begin(), next.end(), end) == next.end()) {
                    next.push_back(end);
                    placed[end] = true;
                }
            }
        }
        if (finished) break;
        placements += next.size();
        columns.push_back(std::move(next));
    }
    return columns;
}

bool is_in(const std::vector<std::size_t>& list, std::size_t value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

GraphColumns graph_columns(const Model& model, const Options& options) {
    const auto parents = parents_of(model);
    const auto children = children_of(parents);
    const auto layer_columns = options.compat_visualkeras ? visualkeras_columns(parents, children)
                                                          : longest_path_columns(parents, children);
    GraphColumns graph;
    // The member that stands for each layer in connections: its last appearance.
    std::vector<std::optional<std::size_t>> member_of(model.layers.size());
    for (const auto& layers : layer_columns) {
        std::vector<std::size_t> column;
        for (std::size_t layer : layers) {
            member_of[layer] = graph.members.size();
            column.push_back(graph.members.size());
            graph.members.push_back({layer, 0, model.layers[layer].name});
        }
        graph.columns.push_back(std::move(column));
    }

    // (start layer, end layer, start member, end member): painted in the order of the layers,
    // the output tensors after every layer.
    std::vector<std::tuple<std::size_t, std::size_t, std::size_t, std::size_t>> edges;
    for (std::size_t end = 0; end < model.layers.size(); ++end) {
        if (!member_of[end]) continue;
        for (std::size_t start : parents[end]) {
            if (member_of[start])
                edges.emplace_back(start, end, *member_of[start], *member_of[end]);
        }
    }

    bool add_outputs = options.inout_as_tensor;
    if (!add_outputs && !layer_columns.empty()) {
        for (const TensorRef& out : model.outputs) {
            if (!is_in(layer_columns.back(), out.layer)) add_outputs = true;
        }
    }
    if (add_outputs && !model.outputs.empty()) {
        std::vector<std::size_t> column;
        for (std::size_t i = 0; i < model.outputs.size(); ++i) {
            const std::size_t producer = model.outputs[i].layer;
            if (producer >= model.layers.size()) continue;
            const std::size_t member = graph.members.size();
            graph.members.push_back({std::nullopt, i, model.layers[producer].name});
            column.push_back(member);
            if (member_of[producer])
                edges.emplace_back(producer, model.layers.size() + i, *member_of[producer], member);
        }
        graph.columns.push_back(std::move(column));
    }

    std::sort(edges.begin(), edges.end());
    for (const auto& [start, end, from, to] : edges) graph.edges.emplace_back(from, to);
    return graph;
}

}  // namespace strata::layout
