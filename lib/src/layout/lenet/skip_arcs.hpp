#pragma once

#include <cstddef>
#include <vector>

#include "layout/lenet/feature_stacks.hpp"
#include "layout/lenet/stack_labels.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

// A connection from a stack to one that is not the next in the row (a branch, a skip): out of
// the source's right face into the gap after it, up (or down) in that gap to a lane above every
// stack and label (below them), along the lane, and down the gap before the target into its
// left side. Lanes are `lane_gap` apart, the shortest span nearest the row, so that arcs nest;
// an arc that only shares a gap with another may take a lane under it, and takes the side
// (above or below) whose lane is nearer the row.
struct SkipArc {
    std::size_t from = 0, to = 0;  // stack indices
    std::vector<Point> points;
    bool crosses_label = false;  // no gap had room beside the labels
};

// The arcs of every input of a stack that is not the stack before it.
std::vector<SkipArc> skip_arcs(const std::vector<FeatureStack>& stacks,
                               const std::vector<std::vector<std::size_t>>& inputs,
                               const std::vector<StackLabels>& labels, double lane_gap);

}  // namespace strata::layout
