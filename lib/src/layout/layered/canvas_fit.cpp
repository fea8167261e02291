#include "layout/layered/canvas_fit.hpp"

#include <cmath>

#include "layout/layered/figure_bounds.hpp"

namespace strata::layout {

CanvasFit canvas_fit(const std::vector<DrawnBox>& boxes, BoxFrame frame,
                     const std::vector<Rect>& extra, const LayerGroups& groups,
                     const Options& options) {
    Rect bounds = figure_bounds(boxes, frame.x_offset, extra, options);
    std::vector<BoxPlacement> placements;
    placements.reserve(boxes.size());
    for (const DrawnBox& b : boxes) placements.push_back(layout_box(b, frame));
    groups.extend(placements, bounds);
    const double top = -bounds.top, bottom = bounds.bottom;
    const double margin_y = options.compat_visualkeras ? 0 : options.padding;
    CanvasFit fit;
    fit.shift = {options.padding - bounds.left, margin_y + top};
    fit.width = std::ceil(bounds.right - bounds.left + 2 * options.padding);
    fit.height = std::ceil(top + bottom + 2 * margin_y);
    return fit;
}

}  // namespace strata::layout
