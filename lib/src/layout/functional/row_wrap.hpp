#pragma once

#include "layout/functional/functional_graph.hpp"

namespace strata::layout::functional {

// Wraps the placed graph `g` into rows of columns, each row no wider than `row_width` where
// its columns allow (a column wider than that is a row of its own), as a paragraph wraps its
// words: row k + 1 starts at the left of row k, `gap` below everything row k holds (its
// boxes and the room kept above and below them). Sets each node's row and g.passages, where
// connectors pass from one row to the next. Every edge joins neighbouring ranks (waypoints
// are in), so an edge that changes rows leaves the last column of one row for the first of
// the next.
void wrap_rows(Graph& g, double row_width, double gap, double column_spacing);

}  // namespace strata::layout::functional
