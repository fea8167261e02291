#include "layout/graph/tokens.hpp"

#include <algorithm>

namespace strata::layout::graph {

std::vector<Token> tokens_of(const Arrangement& a, bool fork_cuts) {
    const std::size_t spine_length = a.spine.size();
    std::vector<Token> tokens;
    if (spine_length == 0) return tokens;
    const long last = static_cast<long>(spine_length) - 1;
    auto start_of = [&](std::size_t v) -> long {
        if (a.spine_pos[v] >= 0) return a.spine_pos[v];
        return a.branches[static_cast<std::size_t>(a.branch_of[v])].fork;
    };
    auto end_of = [&](std::size_t v) -> long {
        if (a.spine_pos[v] >= 0) return a.spine_pos[v];
        return std::min(
            last, static_cast<long>(a.branches[static_cast<std::size_t>(a.branch_of[v])].join));
    };
    // How many edges cross each gap between spine positions g and g + 1 (`change`), and how
    // many of them start before g (`through`: they pass over the layer before the gap).
    std::vector<long> change(spine_length + 1, 0), through(spine_length + 1, 0);
    // From spine position `from` (-1: an extra input, before the first layer) to `to`.
    auto span = [&](long from, long to) {
        const long s = std::max(0L, from);
        if (s >= to) return;
        ++change[static_cast<std::size_t>(s)];
        --change[static_cast<std::size_t>(to)];
        ++through[static_cast<std::size_t>(from + 1)];
        --through[static_cast<std::size_t>(to)];
    };
    for (std::size_t v = 0; v < a.dag.size(); ++v) {
        for (std::size_t w : a.dag.succs[v]) span(start_of(v), end_of(w));
    }
    // A branch without edges to the spine still occupies its span.
    for (const Branch& b : a.branches) span(b.fork, std::min(last, static_cast<long>(b.join)));
    long crossing = 0, passing = 0;
    std::size_t start = 0;
    for (std::size_t g = 0; g + 1 < spine_length; ++g) {
        crossing += change[g];
        passing += through[g];
        // A fork cut: everything crossing the gap leaves the layer before it, for later spine
        // layers or for branches forking there (a residual block's projection shortcut).
        const bool cut = crossing <= 1 || (fork_cuts && passing == 0);
        if (cut) {
            tokens.push_back({start, g, {}});
            start = g + 1;
        }
    }
    tokens.push_back({start, spine_length - 1, {}});
    std::vector<std::size_t> token_at(spine_length, 0);
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        for (std::size_t p = tokens[t].first; p <= tokens[t].last; ++p) token_at[p] = t;
    }
    for (std::size_t b = 0; b < a.branches.size(); ++b) {
        const long fork = a.branches[b].fork;
        std::size_t t = token_at[static_cast<std::size_t>(std::clamp(fork, 0L, last))];
        // A branch forking at a fork cut belongs to the block after the cut, which it rejoins.
        if (fork >= 0 && fork < last && tokens[t].last == static_cast<std::size_t>(fork)) ++t;
        tokens[t].branches.push_back(b);
    }
    return tokens;
}

std::vector<std::size_t> token_nodes(const Arrangement& a, const Token& t) {
    std::vector<std::size_t> nodes;
    for (std::size_t p = t.first; p <= t.last; ++p) nodes.push_back(a.spine[p]);
    for (std::size_t b : t.branches) {
        const auto& more = a.branches[b].nodes;
        nodes.insert(nodes.end(), more.begin(), more.end());
    }
    return nodes;
}

}  // namespace strata::layout::graph
