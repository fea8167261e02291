#pragma once

#include <cstddef>
#include <vector>

#include "layout/graph/arrangement.hpp"

namespace strata::layout::graph {

// A block between two consecutive cut points of the spine (gaps only the spine edge crosses):
// spine positions [first, last] and the branches hanging from them.
struct Token {
    std::size_t first = 0, last = 0;
    std::vector<std::size_t> branches;
};

// The tokens of an arrangement whose spine, branches and edges are known. With `fork_cuts`, a
// gap is also a boundary when every edge crossing it leaves the layer just before it for a
// spine layer (chained residual blocks, as in MobileNetV2): such blocks may repeat, but a row
// may not break there.
std::vector<Token> tokens_of(const Arrangement& a, bool fork_cuts);

// Every node of a token: its spine nodes in order, then its branches' nodes.
std::vector<std::size_t> token_nodes(const Arrangement& a, const Token& t);

// Folds runs of identical consecutive tokens (`--collapse exact`): fills a.repeats and a.hidden.
void fold_repeats(const Model& model, Arrangement& a, const std::vector<Token>& tokens);

// A layer that stands for N blocks (a stage at `--level stage`, attribute "repeat") is drawn
// as a unit repeated N times, and so are the layers marked "fold" alike (the first of a run
// of similar blocks at `--level layer`, "fold_count" of them): adds their repeats to
// a.repeats, which stay in spine order.
void mark_stage_repeats(const Model& model, Arrangement& a);

// Gives every visible skip a level, narrowest first so nested skips sit inside outer ones;
// turns dense blocks into buses. Fills a.skips' levels, a.buses and a.levels.
void assign_levels(Arrangement& a, const std::vector<Token>& tokens);

}  // namespace strata::layout::graph
