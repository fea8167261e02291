#pragma once

// The legend of the connection kinds a branching model's picture holds: residual and copy
// connectors, sum and product glyphs.

#include <vector>

#include "layout/graph/arrangement.hpp"
#include "layout/layered/drawn_box.hpp"
#include "layout/layered/ids.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

// Appends one entry per kind drawn below everything in `scene` and grows the canvas to hold
// it. Does nothing unless `options.legend` is set or when there is no such kind.
void append_connection_legend(Scene& scene, const graph::Arrangement& arrangement,
                              const std::vector<DrawnBox>& boxes, const Options& options,
                              TextMeasurer& text, IdMaker& ids);

}  // namespace strata::layout
