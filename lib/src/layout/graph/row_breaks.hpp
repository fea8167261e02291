#pragma once

#include <cstddef>
#include <vector>

namespace strata::layout::graph {

// Where a row of items breaks into rows no wider than `available`: the first item of each row.
// Item k takes [left[k], right[k]]; a row is as wide as its items' union. The fewest rows,
// balanced among them: least sum of squared slack. An item wider than `available` gets a row
// of its own. Items are never reordered; `left` and `right` are as long, and not empty.
std::vector<std::size_t> balanced_row_starts(const std::vector<double>& left,
                                             const std::vector<double>& right, double available);

}  // namespace strata::layout::graph
