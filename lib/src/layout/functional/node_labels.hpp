#pragma once

#include <string>
#include <vector>

#include "strata/scene.hpp"

namespace strata::layout::functional {

// A caption block beside a box: its lines, its preferred left x and top y, its size.
struct Label {
    std::vector<std::string> lines;
    double x = 0, y = 0, width = 0, height = 0;
};

// Moves labels whose rows overlap (within 2 px) apart along x, in the order of their x, at
// least `gap` apart, kept within [edge, canvas_width - edge] where they fit (else packed from
// `edge`), as visualkeras does so that neighbouring boxes' captions do not run into each other.
void separate_labels(std::vector<Label>& labels, double canvas_width, double edge, double gap);

}  // namespace strata::layout::functional
