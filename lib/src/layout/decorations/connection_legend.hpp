#pragma once

// The legend entries of the connection kinds a branching model's picture holds: residual and
// copy connectors, sum and product glyphs.

#include <vector>

#include "layout/decorations/legend.hpp"
#include "layout/graph/arrangement.hpp"
#include "layout/layered/drawn_box.hpp"
#include "strata/options.hpp"

namespace strata::layout {

// One entry per kind drawn, in a fixed order; none unless `options.legend` is set.
std::vector<LegendEntry> connection_legend_entries(const graph::Arrangement& arrangement,
                                                   const std::vector<DrawnBox>& boxes,
                                                   const Options& options);

}  // namespace strata::layout
