#include "layout/layered/figure_bounds.hpp"

#include <algorithm>
#include <limits>

namespace strata::layout {
namespace {

double caption_centre(const DrawnBox& b, double x1, const Options& o) {
    if (!b.caption->above) return x1 + b.size.z / 2 + b.caption->nudge;
    // visualkeras centres an upper caption on the normal-mode top face even when reversed.
    double towards_depth = o.draw_reversed && !o.compat_visualkeras ? -b.de : b.de;
    return x1 + towards_depth + b.size.z / 2 + b.caption->nudge;
}

}  // namespace

Rect caption_block(const DrawnBox& b, double x1, double y1, const Options& o) {
    const double cx = caption_centre(b, x1, o), w = b.caption->width, h = b.caption->height;
    const double lead = b.caption->offset();
    if (b.caption->above)
        return Rect{cx - w / 2, y1 - b.de - lead - h, cx + w / 2, y1 - b.de - lead};
    return Rect{cx - w / 2, y1 + b.size.y + lead, cx + w / 2, y1 + b.size.y + lead + h};
}

Rect figure_bounds(const std::vector<DrawnBox>& boxes, double x_offset,
                   const std::vector<Rect>& extra, const Options& o) {
    const double reversed = o.draw_reversed ? 1.0 : 0.0;
    const auto x1_of = [&](const DrawnBox& b) { return b.left + x_offset + reversed * b.de; };
    double min_x = std::numeric_limits<double>::infinity();
    double max_x = -min_x;
    double top = 0, bottom = 0;  // reaches above and below the line y = 0
    for (const DrawnBox& b : boxes) {
        double x1 = x1_of(b);
        if (o.compat_visualkeras) {
            // visualkeras leaves the depth out of the width: the last back face is clipped.
            min_x = std::min(min_x, x1);
            max_x = std::max(max_x, x1 + b.size.z);
        } else {
            min_x = std::min(min_x, x1 - reversed * b.de);
            max_x = std::max(max_x, x1 + b.size.z + (1 - reversed) * b.de);
        }
        top = std::max(top, (b.size.y + b.de) / 2 - b.cy);
        bottom = std::max(bottom, (b.size.y + b.de) / 2 + b.cy);
    }
    for (const DrawnBox& b : boxes) {
        if (!b.caption) continue;
        // Rows are centred on y = b.cy here (0 for a single row), so top and bottom are
        // reaches from the line y = 0.
        const Rect block = caption_block(b, x1_of(b), b.cy + b.de - (b.size.y + b.de) / 2, o);
        min_x = std::min(min_x, block.left);
        max_x = std::max(max_x, block.right);
        top = std::max(top, -block.top);
        bottom = std::max(bottom, block.bottom);
    }
    for (const Rect& r : extra) {
        min_x = std::min(min_x, r.left);
        max_x = std::max(max_x, r.right);
        top = std::max(top, -r.top);
        bottom = std::max(bottom, r.bottom);
    }
    return Rect{min_x, -top, max_x, bottom};
}

}  // namespace strata::layout
