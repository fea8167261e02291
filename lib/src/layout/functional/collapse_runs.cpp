#include "layout/functional/collapse_runs.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace strata::layout::functional {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

bool matches(const Graph& g, const Model& model, std::size_t v, const std::string& selector) {
    const Node& n = g.nodes[v];
    if (n.kind != NodeKind::layer || n.collapsed) return false;
    const Layer& layer = model.layers[n.layer];
    return layer.name == selector || layer.type == selector;
}

// The graph's links as lists, kept up to date as runs collapse (a run's members keep theirs,
// no longer reached).
struct Links {
    std::vector<std::vector<std::size_t>> in, out;
};

// The first run of `pattern` starting at candidates[from] or later (the nodes in the model's
// order), or none; `from` is left at its start. Starts before `from` matched nothing before
// and match nothing now: a collapsed node matches no selector, and collapsing drops only the
// links inside a run (its members but the last link only to the next member).
std::vector<std::size_t> first_run(const Graph& g, const Model& model, const Links& links,
                                   const std::vector<bool>& alive,
                                   const std::vector<std::size_t>& candidates, std::size_t& from,
                                   const std::vector<std::string>& pattern) {
    for (; from < candidates.size(); ++from) {
        const std::size_t start = candidates[from];
        if (!alive[start] || !matches(g, model, start, pattern[0])) continue;
        std::vector<std::size_t> run{start};
        for (std::size_t i = 1; i < pattern.size(); ++i) {
            const std::size_t cursor = run.back();
            if (links.out[cursor].size() != 1) break;
            const std::size_t next = links.out[cursor][0];
            if (std::find(run.begin(), run.end(), next) != run.end()) break;
            if (links.in[next].size() != 1 || !matches(g, model, next, pattern[i])) break;
            run.push_back(next);
        }
        if (run.size() == pattern.size()) return run;
    }
    return {};
}

// The node a run becomes: its first member's, with the largest member's box and the rule's
// mark.
Node merged(const Graph& g, const std::vector<std::size_t>& run, const CollapseRule& rule) {
    Node node = g.nodes[run.front()];
    node.collapsed =
        Node::Run{g.nodes[run.back()].layer, run.size(), rule.kind,
                  rule.label.empty() ? std::to_string(rule.repeat_count) + "x" : rule.label,
                  rule.annotation_position};
    for (std::size_t v : run) {
        node.width = std::max(node.width, g.nodes[v].width);
        node.height = std::max(node.height, g.nodes[v].height);
        node.de = std::max(node.de, g.nodes[v].de);
    }
    return node;
}

}  // namespace

void collapse_runs(Graph& g, const Model& model, const std::vector<CollapseRule>& rules) {
    Links links{std::vector<std::vector<std::size_t>>(g.nodes.size()),
                std::vector<std::vector<std::size_t>>(g.nodes.size())};
    for (const Edge& e : g.edges) {
        links.out[e.src].push_back(e.dst);
        links.in[e.dst].push_back(e.src);
    }
    std::vector<bool> alive(g.nodes.size(), true);
    std::vector<std::size_t> run_node(g.nodes.size(), kNone);  // the node a member became
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
                first_run(g, model, links, alive, candidates, from, pattern);
            if (run.empty()) break;
            const std::size_t id = g.nodes.size();
            g.nodes.push_back(merged(g, run, rules[r]));
            alive.push_back(true);
            run_node.push_back(kNone);
            for (std::size_t v : run) {
                alive[v] = false;
                run_node[v] = id;
            }
            // Links into the run reach it at its first member, links out leave from its last.
            links.in.push_back(links.in[run.front()]);
            links.out.push_back(links.out[run.back()]);
            for (std::size_t p : links.in[id])
                std::replace(links.out[p].begin(), links.out[p].end(), run.front(), id);
            for (std::size_t q : links.out[id])
                std::replace(links.in[q].begin(), links.in[q].end(), run.back(), id);
            ++g.rule_matches[r];
        }
    }
    // The edges in their order, each end moved to the node its run became; those inside a run
    // go. Then the members go: the surviving nodes keep their order.
    std::vector<Edge> edges;
    for (const Edge& e : g.edges) {
        const std::size_t src = run_node[e.src] == kNone ? e.src : run_node[e.src];
        const std::size_t dst = run_node[e.dst] == kNone ? e.dst : run_node[e.dst];
        if (src != dst) edges.push_back({src, dst});
    }
    std::vector<std::size_t> index(g.nodes.size());
    std::vector<Node> kept;
    for (std::size_t v = 0; v < g.nodes.size(); ++v) {
        index[v] = kept.size();
        if (alive[v]) kept.push_back(std::move(g.nodes[v]));
    }
    for (Edge& e : edges) e = {index[e.src], index[e.dst]};
    g.edges = std::move(edges);
    g.nodes = std::move(kept);
}

}  // namespace strata::layout::functional
