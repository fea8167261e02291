#pragma once

#include "layout/functional/functional_graph.hpp"

namespace strata::layout::functional {

// Draws the runs `rules` match as one node each, as visualkeras' functional view does: rule by
// rule, the first match in the model's order is replaced until none is left. A match is
// repeat_count times the rule's selector (one layer, or a block of layers) along a chain whose
// every link is its producer's only consumer and its consumer's only producer; a layer matches
// a selector by its name or its class name; a node already collapsed matches nothing. The new
// node has the first member's place in the order and style, the largest member's box, the
// last member's output; edges into the run reach it at its first member and leave from its
// last. It goes after every other node (visualkeras meets it last when colouring classes).
// Sets g.rule_matches. Runs before ranks are assigned; waypoints must not be in yet.
void collapse_runs(Graph& g, const Model& model, const std::vector<CollapseRule>& rules);

}  // namespace strata::layout::functional
