#include "layout/graph/arrangement.hpp"

#include <algorithm>
#include <variant>

#include "layout/graph/tokens.hpp"

namespace strata::layout::graph {
namespace {

MergeKind merge_kind(const Layer& layer, std::size_t inputs) {
    if (inputs < 2) return MergeKind::none;
    const std::string& t = layer.type;
    if (t == "Add" || t == "Sum") return MergeKind::add;
    if (t == "Multiply" || t == "Mul") return MergeKind::multiply;
    if (t == "Concatenate" || t == "Concat") return MergeKind::concat;
    return MergeKind::none;
}

// Whether a connector into `layer` (merged as `merge`) feeds a concatenation: a block or stage
// drawn as one box says in its "merge" attribute what merges inside it.
bool into_concatenation(const Layer& layer, MergeKind merge) {
    if (merge == MergeKind::concat) return true;
    const auto inside = layer.attrs.find("merge");
    if (inside == layer.attrs.end()) return false;
    const auto* type = std::get_if<std::string>(&inside->second);
    return type && (*type == "Concatenate" || *type == "Concat");
}

// Longest path in node count; the earliest predecessor (model order) wins ties, and the
// earliest end node among the longest.
std::vector<std::size_t> longest_path(const Dag& dag) {
    const std::size_t n = dag.size();
    std::vector<std::size_t> length(n, 1);
    std::vector<long> best_pred(n, -1);
    for (std::size_t v : dag.topo) {
        for (std::size_t u : dag.preds[v]) {  // sorted: the earliest first
            if (length[u] + 1 > length[v]) {
                length[v] = length[u] + 1;
                best_pred[v] = static_cast<long>(u);
            }
        }
    }
    std::size_t end = 0;
    for (std::size_t v = 1; v < n; ++v) {
        if (length[v] > length[end]) end = v;
    }
    std::vector<std::size_t> path;
    for (long v = static_cast<long>(end); v >= 0; v = best_pred[static_cast<std::size_t>(v)])
        path.push_back(static_cast<std::size_t>(v));
    std::reverse(path.begin(), path.end());
    return path;
}

std::size_t find_root(std::vector<std::size_t>& parent, std::size_t v) {
    while (parent[v] != v) {
        parent[v] = parent[parent[v]];
        v = parent[v];
    }
    return v;
}

void build_branches(Arrangement& a) {
    const Dag& dag = a.dag;
    const std::size_t n = dag.size();
    const long spine_length = static_cast<long>(a.spine.size());
    std::vector<long> fork(n, -1), join(n, spine_length);
    for (std::size_t v : dag.topo) {
        if (a.spine_pos[v] >= 0) continue;
        for (std::size_t u : dag.preds[v])
            fork[v] = std::max(fork[v], a.spine_pos[u] >= 0 ? a.spine_pos[u] : fork[u]);
    }
    for (auto it = dag.topo.rbegin(); it != dag.topo.rend(); ++it) {
        const std::size_t v = *it;
        if (a.spine_pos[v] >= 0) continue;
        for (std::size_t w : dag.succs[v])
            join[v] = std::min(join[v], a.spine_pos[w] >= 0 ? a.spine_pos[w] : join[w]);
    }
    // Off-spine nodes joined by an edge form one branch.
    std::vector<std::size_t> parent(n);
    for (std::size_t v = 0; v < n; ++v) parent[v] = v;
    for (std::size_t v = 0; v < n; ++v) {
        if (a.spine_pos[v] >= 0) continue;
        for (std::size_t u : dag.preds[v]) {
            if (a.spine_pos[u] < 0) parent[find_root(parent, v)] = find_root(parent, u);
        }
    }
    std::vector<long> branch_of_root(n, -1);
    for (std::size_t v : dag.topo) {
        if (a.spine_pos[v] >= 0) continue;
        const std::size_t root = find_root(parent, v);
        if (branch_of_root[root] < 0) {
            branch_of_root[root] = static_cast<long>(a.branches.size());
            Branch b;
            b.fork = fork[v];
            b.join = static_cast<std::size_t>(join[v]);
            a.branches.push_back(b);
        }
        Branch& b = a.branches[static_cast<std::size_t>(branch_of_root[root])];
        b.nodes.push_back(v);
        b.fork = std::min(b.fork, fork[v]);
        b.join = std::max(b.join, static_cast<std::size_t>(join[v]));
        a.branch_of[v] = branch_of_root[root];
    }
}

}  // namespace

bool Arrangement::is_plain_chain() const {
    if (!branches.empty() || !skips.empty() || !buses.empty() || !repeats.empty()) return false;
    for (std::size_t i = 0; i < spine.size(); ++i) {
        if (spine[i] != i) return false;
    }
    for (MergeKind m : merge) {
        if (m != MergeKind::none) return false;
    }
    return true;
}

Arrangement arrange(const Model& model, const std::vector<std::size_t>& drawn, Collapse collapse) {
    Arrangement a;
    a.dag = build_dag(model, drawn);
    const std::size_t n = a.dag.size();
    a.merge.resize(n);
    for (std::size_t v = 0; v < n; ++v)
        a.merge[v] = merge_kind(model.layers[a.dag.layer[v]], a.dag.preds[v].size());
    a.hidden.assign(n, false);
    a.spine_pos.assign(n, -1);
    a.branch_of.assign(n, -1);
    if (n == 0) return a;
    a.spine = longest_path(a.dag);
    for (std::size_t i = 0; i < a.spine.size(); ++i) a.spine_pos[a.spine[i]] = static_cast<long>(i);
    build_branches(a);
    for (std::size_t v = 0; v < n; ++v) {
        if (a.spine_pos[v] < 0) continue;
        for (std::size_t w : a.dag.succs[v]) {
            if (a.spine_pos[w] > a.spine_pos[v] + 1)
                a.skips.push_back(
                    {v, w, into_concatenation(model.layers[a.dag.layer[w]], a.merge[w]), 0});
        }
    }
    const std::vector<Token> tokens = tokens_of(a, false);
    const std::vector<Token> blocks = tokens_of(a, true);
    // Items: rows may break after a true cut, never inside a folded unit.
    std::vector<bool> cut_after(a.spine.size(), false);
    for (const Token& t : tokens) cut_after[t.last] = true;
    // Rows may also break after a layer whose only outgoing edges are the next layer and the
    // next block's lanes (a sum feeding a projection shortcut): the lanes then fork from the
    // carriage return. Only where the row could not break just before that layer instead.
    for (const Token& t : blocks) {
        const std::size_t g = t.last;
        if (g + 1 >= a.spine.size() || cut_after[g] || (g > 0 && cut_after[g - 1])) continue;
        const std::size_t v = a.spine[g];
        bool lanes_only = false, skips = false;
        for (std::size_t w : a.dag.succs[v]) {
            if (a.spine_pos[w] < 0)
                lanes_only = true;
            else if (a.spine_pos[w] != static_cast<long>(g) + 1)
                skips = true;
        }
        if (lanes_only && !skips) cut_after[g] = true;
    }
    if (collapse == Collapse::exact) fold_repeats(model, a, blocks);
    mark_stage_repeats(model, a);
    for (const Repeat& r : a.repeats) {
        for (std::size_t p = r.first; p < r.last; ++p) cut_after[p] = false;
        cut_after[r.last] = cut_after[r.run_last];
    }
    bool open = false;
    for (std::size_t p = 0; p < a.spine.size(); ++p) {
        if (a.hidden[a.spine[p]]) continue;
        if (!open) a.items.push_back({p, p});
        a.items.back().last = p;
        open = !cut_after[p];
    }
    a.skips.erase(std::remove_if(a.skips.begin(), a.skips.end(),
                                 [&](const Skip& s) { return a.hidden[s.from] || a.hidden[s.to]; }),
                  a.skips.end());
    assign_levels(a, tokens);
    return a;
}

}  // namespace strata::layout::graph
