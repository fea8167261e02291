#pragma once

#include <utility>
#include <vector>

namespace strata::layout::graph {

// An x range [first, second] a lane must hold; two clash when their open ranges overlap.
using Extent = std::pair<double, double>;

// First fit: taken in the given order, every extent gets the smallest lane (1 = nearest the
// row) that no earlier extent it clashes with holds. Computed lane by lane (each lane takes,
// in order, every extent that fits between those it already holds), with an index of the
// extents not yet placed, so that the work is O(n log² n) however many extents clash.
std::vector<int> first_fit_lanes(const std::vector<Extent>& extents);

}  // namespace strata::layout::graph
