#pragma once

// Where each node stands in the branch (lane) that holds it, so that the neighbours of a node
// in its lane are one lookup away: a lane of thousands of boxes (a wide fan-in) searched for
// every box or edge made its layout quadratic.

#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

#include "layout/layered/graph_boxes.hpp"

namespace strata::layout {

class BranchPositions {
  public:
    explicit BranchPositions(const GraphBoxes& graph)
        : nodes_(graph.branch_nodes), position_(graph.box_of_node.size(), kNone) {
        for (const std::vector<std::size_t>& nodes : nodes_) {
            for (std::size_t k = 0; k < nodes.size(); ++k) position_[nodes[k]] = k;
        }
    }

    // The node just before `node` in `branch`, if it has one there.
    std::optional<std::size_t> before(std::size_t branch, std::size_t node) const {
        const std::vector<std::size_t>& nodes = nodes_[branch];
        const std::size_t k = position_[node];
        if (k == kNone || k == 0 || k >= nodes.size() || nodes[k] != node) return std::nullopt;
        return nodes[k - 1];
    }

    // Whether v directly follows u in `branch`.
    bool consecutive(std::size_t branch, std::size_t u, std::size_t v) const {
        return before(branch, v) == u;
    }

  private:
    static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
    const std::vector<std::vector<std::size_t>>& nodes_;
    std::vector<std::size_t> position_;
};

}  // namespace strata::layout
