#include "layout/decorations/caption_spacing.hpp"

#include <algorithm>

namespace strata::layout {
namespace {

// Rects that only touch do not overlap; the tolerance keeps rounding in the coordinates from
// turning a caption that sits exactly on a box top into a collision.
bool vertical_overlap(const Rect& a, const Rect& b) {
    constexpr double kTouch = 1e-6;
    return a.top < b.bottom - kTouch && b.top < a.bottom - kTouch;
}

Rect moved(Rect r, double dx) {
    r.left += dx;
    r.right += dx;
    return r;
}

// How far `item` (of a later box) must move right to clear `earlier` by `gap`.
double clearance(const Rect& item, const Rect& earlier, double gap) {
    if (!vertical_overlap(item, earlier)) return 0;
    return std::max(0.0, earlier.right + gap - item.left);
}

}  // namespace

std::vector<double> caption_shifts(const std::vector<BoxFootprint>& boxes, double gap) {
    std::vector<double> shifts(boxes.size(), 0);
    std::vector<double> reach(boxes.size(), 0);  // rightmost edge of boxes 0..i, after moving
    double total = 0;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const BoxFootprint& self = boxes[i];
        const Rect box = moved(self.box, total);
        const Rect caption = moved(self.caption, total);
        const double leftmost = self.has_caption ? std::min(box.left, caption.left) : box.left;
        double need = 0;
        // Earlier boxes can only be in the way while their reach passes our left edge.
        for (std::size_t j = i; j-- > 0 && reach[j] + gap > leftmost;) {
            const BoxFootprint& earlier = boxes[j];
            const Rect other = moved(earlier.box, shifts[j]);
            const Rect other_caption = moved(earlier.caption, shifts[j]);
            if (self.has_caption) {
                need = std::max(need, clearance(caption, other, gap));
                if (earlier.has_caption)
                    need = std::max(need, clearance(caption, other_caption, gap));
            }
            if (earlier.has_caption) need = std::max(need, clearance(box, other_caption, gap));
        }
        total += need;
        shifts[i] = total;
        double right = self.box.right + total;
        if (self.has_caption) right = std::max(right, self.caption.right + total);
        reach[i] = i > 0 ? std::max(reach[i - 1], right) : right;
    }
    return shifts;
}

}  // namespace strata::layout
