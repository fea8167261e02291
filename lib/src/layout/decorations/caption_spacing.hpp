#pragma once

#include <vector>

namespace strata::layout {

// An axis-aligned rectangle in layout coordinates (y down).
struct Rect {
    double left = 0, top = 0, right = 0, bottom = 0;
};

// What one box occupies: its visible outline and, if it has one, its caption.
struct BoxFootprint {
    Rect box;
    bool has_caption = false;
    Rect caption;
};

// How far each box must move right (cumulative, so box i moves with everything before it) so
// that no caption overlaps another caption or a box, keeping at least `gap` between them.
// Boxes may still touch each other, as visualkeras lets them. Linear in the usual case: only
// neighbours that reach far enough are checked.
std::vector<double> caption_shifts(const std::vector<BoxFootprint>& boxes, double gap);

}  // namespace strata::layout
