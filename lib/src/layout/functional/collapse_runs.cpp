#include "layout/functional/collapse_runs.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

namespace strata::layout::functional {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// A rule's pattern (its selector repeat_count times) as bit masks over its positions, for a
// shift-and scan: a chain of n nodes costs n times the words of the partial match in hand,
// whatever the selector's length, and a name compares once per node, not once per position.
class Pattern {
  public:
    explicit Pattern(const std::vector<std::string>& symbols)
        : length_(symbols.size()), words_((symbols.size() + 63) / 64) {
        std::vector<std::vector<std::size_t>> positions;
        for (std::size_t i = 0; i < symbols.size(); ++i) {
            const auto [it, added] = ids_.try_emplace(symbols[i], positions.size());
            if (added) positions.emplace_back();
            positions[it->second].push_back(i);
        }
        // A symbol at many positions gets a dense mask (at most 64 do), the others their list.
        masks_.resize(positions.size());
        for (std::size_t s = 0; s < positions.size(); ++s) {
            if (positions[s].size() <= words_) continue;
            masks_[s].assign(words_, 0);
            for (std::size_t i : positions[s]) masks_[s][i / 64] |= std::uint64_t{1} << (i % 64);
        }
        positions_ = std::move(positions);
    }

    std::size_t length() const { return length_; }

    // The symbol `text` is in the pattern as, or none.
    std::size_t id(const std::string& text) const {
        const auto it = ids_.find(text);
        return it == ids_.end() ? kNone : it->second;
    }

    // state = ((state << 1) | 1) & (positions of symbol a or b), over the first `active` words.
    void step(std::vector<std::uint64_t>& state, std::size_t active, std::size_t a,
              std::size_t b) const {
        std::uint64_t carry = 1;
        for (std::size_t w = 0; w < active; ++w) {
            const std::uint64_t next_carry = state[w] >> 63;
            state[w] = (state[w] << 1) | carry;
            carry = next_carry;
        }
        scratch_.assign(active, 0);
        for (std::size_t s : {a, b}) {
            if (s == kNone) continue;
            if (!masks_[s].empty()) {
                for (std::size_t w = 0; w < active; ++w) scratch_[w] |= masks_[s][w];
            } else {
                for (std::size_t i : positions_[s]) {
                    if (i / 64 >= active) break;
                    scratch_[i / 64] |= std::uint64_t{1} << (i % 64);
                }
            }
        }
        for (std::size_t w = 0; w < active; ++w) state[w] &= scratch_[w];
    }

    bool complete(const std::vector<std::uint64_t>& state) const {
        const std::size_t last = length_ - 1;
        return (state[last / 64] >> (last % 64)) & 1U;
    }

    std::size_t words() const { return words_; }

  private:
    std::size_t length_;
    std::size_t words_;
    std::unordered_map<std::string, std::size_t> ids_;
    std::vector<std::vector<std::size_t>> positions_;
    std::vector<std::vector<std::uint64_t>> masks_;
    mutable std::vector<std::uint64_t> scratch_;
};

// The graph's links as lists, kept up to date as runs collapse (a run's members keep theirs,
// no longer reached).
struct Links {
    std::vector<std::vector<std::size_t>> in, out;
};

// The node after `v` on its chain (v's only consumer, of which v is the only producer), or none.
std::size_t chain_next(const Links& links, std::size_t v) {
    if (links.out[v].size() != 1) return kNone;
    const std::size_t next = links.out[v][0];
    return links.in[next].size() == 1 ? next : kNone;
}

// Every run of `pattern`, chain by chain, each chain scanned from its head once: the first match
// along a chain is taken, the scan starts afresh after it (matches do not overlap), and the runs
// come in the order of their first members in `candidates` (the nodes in the model's order).
// A collapsed node or a marker matches nothing.
std::vector<std::vector<std::size_t>> all_runs(const Graph& g, const Model& model,
                                               const Links& links,
                                               const std::vector<std::size_t>& candidates,
                                               const Pattern& pattern) {
    const std::size_t n = links.out.size();
    std::vector<std::size_t> previous(n, kNone);
    for (std::size_t v : candidates)
        if (const std::size_t next = chain_next(links, v); next != kNone) previous[next] = v;
    std::vector<bool> seen(n, false);
    std::vector<std::size_t> first_of_run(n, kNone);  // a run's index, at its first member
    std::vector<std::vector<std::size_t>> runs;
    std::vector<std::uint64_t> state(pattern.words(), 0);
    std::vector<std::size_t> chain;
    for (std::size_t v : candidates) {
        if (seen[v]) continue;
        std::size_t head = v;  // back to the chain's head (or once round a cycle)
        while (previous[head] != kNone && !seen[previous[head]] && previous[head] != v)
            head = previous[head];
        chain.clear();
        for (std::size_t u = head; u != kNone && !seen[u]; u = chain_next(links, u)) {
            seen[u] = true;
            chain.push_back(u);
        }
        std::fill(state.begin(), state.end(), 0);
        std::size_t matched = 0;  // positions the state can hold: the steps since it was clear
        for (std::size_t i = 0; i < chain.size(); ++i) {
            const Node& node = g.nodes[chain[i]];
            std::size_t a = kNone, b = kNone;
            if (node.kind == NodeKind::layer && !node.collapsed) {
                const Layer& layer = model.layers[node.layer];
                a = pattern.id(layer.name);
                b = pattern.id(layer.type);
            }
            if (a == kNone && b == kNone) {
                if (matched > 0) std::fill(state.begin(), state.end(), 0);
                matched = 0;
                continue;
            }
            matched = std::min(matched + 1, pattern.length());
            pattern.step(state, (matched + 63) / 64, a, b);
            if (!pattern.complete(state)) continue;
            const std::size_t begin = i + 1 - pattern.length();
            first_of_run[chain[begin]] = runs.size();
            runs.emplace_back(chain.begin() + static_cast<std::ptrdiff_t>(begin),
                              chain.begin() + static_cast<std::ptrdiff_t>(i) + 1);
            std::fill(state.begin(), state.end(), 0);
            matched = 0;
        }
    }
    std::vector<std::vector<std::size_t>> ordered;
    ordered.reserve(runs.size());
    for (std::size_t v : candidates)
        if (first_of_run[v] != kNone) ordered.push_back(std::move(runs[first_of_run[v]]));
    return ordered;
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
        const Pattern matcher(pattern);
        for (const std::vector<std::size_t>& run : all_runs(g, model, links, candidates, matcher)) {
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
