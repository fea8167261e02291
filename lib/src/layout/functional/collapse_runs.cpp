#include "layout/functional/collapse_runs.hpp"

#include <algorithm>
#include <numeric>
#include <set>
#include <utility>

namespace strata::layout::functional {
namespace {

bool matches(const Graph& g, const Model& model, std::size_t v, const std::string& selector) {
    const Node& n = g.nodes[v];
    if (n.kind != NodeKind::layer || n.collapsed) return false;
    const Layer& layer = model.layers[n.layer];
    return layer.name == selector || layer.type == selector;
}

// The first run of `pattern` starting at candidates[from] or later (the nodes in the model's
// order), or none; `from` is left at its start. Starts before `from` matched nothing before
// and match nothing now: a collapsed node matches no selector.
std::vector<std::size_t> first_run(const Graph& g, const Model& model,
                                   const std::vector<bool>& alive,
                                   const std::vector<std::size_t>& candidates, std::size_t& from,
                                   const std::vector<std::string>& pattern) {
    std::vector<std::vector<std::size_t>> out(g.nodes.size()), in(g.nodes.size());
    for (const Edge& e : g.edges) {
        out[e.src].push_back(e.dst);
        in[e.dst].push_back(e.src);
    }
    for (; from < candidates.size(); ++from) {
        const std::size_t start = candidates[from];
        if (!alive[start] || !matches(g, model, start, pattern[0])) continue;
        std::vector<std::size_t> run{start};
        for (std::size_t i = 1; i < pattern.size(); ++i) {
            const std::size_t cursor = run.back();
            if (out[cursor].size() != 1) break;
            const std::size_t next = out[cursor][0];
            if (std::find(run.begin(), run.end(), next) != run.end()) break;
            if (in[next].size() != 1 || !matches(g, model, next, pattern[i])) break;
            run.push_back(next);
        }
        if (run.size() == pattern.size()) return run;
    }
    return {};
}

// Replaces `run` by a new node at the end of g.nodes; its members stay, no longer alive.
void collapse(Graph& g, std::vector<bool>& alive, const std::vector<std::size_t>& run,
              const CollapseRule& rule) {
    const Node& first = g.nodes[run.front()];
    Node merged = first;
    merged.collapsed =
        Node::Run{g.nodes[run.back()].layer, run.size(), rule.kind,
                  rule.label.empty() ? std::to_string(rule.repeat_count) + "x" : rule.label,
                  rule.annotation_position};
    for (std::size_t v : run) {
        merged.width = std::max(merged.width, g.nodes[v].width);
        merged.height = std::max(merged.height, g.nodes[v].height);
        merged.de = std::max(merged.de, g.nodes[v].de);
        alive[v] = false;
    }
    const std::size_t id = g.nodes.size();
    g.nodes.push_back(std::move(merged));
    alive.push_back(true);
    const std::set<std::size_t> members(run.begin(), run.end());
    std::set<std::pair<std::size_t, std::size_t>> seen;
    std::vector<Edge> edges;
    for (Edge e : g.edges) {
        const bool from = members.count(e.src) != 0, to = members.count(e.dst) != 0;
        if (from && to) continue;
        if (from) {
            if (e.src != run.back()) continue;
            e.src = id;
        }
        if (to) {
            if (e.dst != run.front()) continue;
            e.dst = id;
        }
        if (e.src == e.dst || !seen.insert({e.src, e.dst}).second) continue;
        edges.push_back(e);
    }
    g.edges = std::move(edges);
}

}  // namespace

void collapse_runs(Graph& g, const Model& model, const std::vector<CollapseRule>& rules) {
    std::vector<bool> alive(g.nodes.size(), true);
    g.rule_matches.assign(rules.size(), 0);
    for (std::size_t r = 0; r < rules.size(); ++r) {
        // A run longer than the graph matches nothing (and is not spelt out).
        const std::size_t length =
            rules[r].selector.size() * static_cast<std::size_t>(rules[r].repeat_count);
        if (length < 2 || length > g.nodes.size()) continue;
        std::vector<std::string> pattern;
        pattern.reserve(length);
        for (int i = 0; i < rules[r].repeat_count; ++i)
            pattern.insert(pattern.end(), rules[r].selector.begin(), rules[r].selector.end());
        std::vector<std::size_t> candidates;
        for (std::size_t v = 0; v < g.nodes.size(); ++v)
            if (alive[v]) candidates.push_back(v);
        std::stable_sort(candidates.begin(), candidates.end(), [&](std::size_t a, std::size_t b) {
            return g.nodes[a].order < g.nodes[b].order;
        });
        std::size_t from = 0;
        while (true) {
            const std::vector<std::size_t> run =
                first_run(g, model, alive, candidates, from, pattern);
            if (run.empty()) break;
            collapse(g, alive, run, rules[r]);
            ++g.rule_matches[r];
        }
    }
    // Drop the members: the surviving nodes keep their order, edges their new indices.
    std::vector<std::size_t> index(g.nodes.size());
    std::vector<Node> kept;
    for (std::size_t v = 0; v < g.nodes.size(); ++v) {
        index[v] = kept.size();
        if (alive[v]) kept.push_back(std::move(g.nodes[v]));
    }
    for (Edge& e : g.edges) e = {index[e.src], index[e.dst]};
    g.nodes = std::move(kept);
}

}  // namespace strata::layout::functional
