#include "layout/layered/connector_ports.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "layout/layered/connector_shapes.hpp"

namespace strata::layout {

// Whether a vertical line at x between y_a and y_b stays clear of the boxes near spine box
// i in its row (the box itself excluded: the line starts on its outline).
bool BoxPorts::column_clear(std::size_t i, double x, double y_a, double y_b) const {
    const double lo_y = std::min(y_a, y_b) + 0.5, hi_y = std::max(y_a, y_b) - 0.5;
    const std::size_t first = i > kDepthReach ? i - kDepthReach : 0;
    const std::size_t last = std::min(spine_boxes_, i + kDepthReach + 1);
    for (std::size_t k = first; k < last; ++k) {
        if (k == i || boxes_[k].row != boxes_[i].row) continue;
        const std::vector<Point> outline = silhouette(layout_box(boxes_[k], frame_));
        double top = std::numeric_limits<double>::infinity(), bottom = -top;
        for (std::size_t e = 0; e < outline.size(); ++e) {
            const Point a = outline[e], b = outline[(e + 1) % outline.size()];
            if ((a.x - x) * (b.x - x) > 0 || a.x == b.x) continue;
            const double y = a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x);
            top = std::min(top, y);
            bottom = std::max(bottom, y);
        }
        if (top < hi_y && bottom > lo_y) return false;
    }
    return true;
}

// The first x in [lo, hi], trying `fraction` first and then ever farther from it, at which
// the leg from the outline point `at(x)` to height `far_y` is clear of other boxes.
template <typename At>
std::optional<Point> BoxPorts::clear_port(std::size_t i, double lo, double hi, double fraction,
                                          double far_y, At at) const {
    constexpr int kSteps = 16;
    if (i >= spine_boxes_) return at(lo + fraction * (hi - lo));
    for (int d = 0; d <= kSteps; ++d) {
        for (int sign : {-1, 1}) {
            if (d == 0 && sign > 0) continue;
            const double f = fraction + sign * static_cast<double>(d) / kSteps;
            if (f < 0 || f > 1) continue;
            const Point p = at(lo + f * (hi - lo));
            if (column_clear(i, p.x, p.y, far_y)) return p;
        }
    }
    return std::nullopt;
}

// A point on the upper outline of box i from which a line can rise to far_y without
// crossing it or its neighbours.
Point BoxPorts::top_port(std::size_t i, double fraction, double far_y) const {
    const DrawnBox& b = boxes_[i];
    const BoxPlacement p = layout_box(b, frame_);
    if (is_glyph(b)) {
        // Skips arriving (left) and leaving (right) meet a glyph apart from each other.
        const double r = (p.x2 - p.x1) / 2, dx = (fraction - 0.5) * 1.6 * r;
        return {p.x1 + r + dx, p.y1 + r - std::sqrt(r * r - dx * dx)};
    }
    const bool rev = frame_.reversed;
    const double lo = rev ? p.x1 - p.de : p.x1, hi = rev ? p.x2 : p.x2 + p.de;
    auto at = [&](double x) {
        // The top outline: the top face's slanted edge, then its back edge.
        const double rise = rev ? std::min(p.x2 - x, p.de) : std::min(x - p.x1, p.de);
        return Point{x, p.y1 - std::max(0.0, rise)};
    };
    if (auto port = clear_port(i, lo, hi, fraction, far_y, at)) return *port;
    return at(lo + fraction * (hi - lo));
}

std::vector<Point> BoxPorts::top_leg(std::size_t i, double fraction, double far_y,
                                     bool leaving) const {
    const DrawnBox& b = boxes_[i];
    const BoxPlacement p = layout_box(b, frame_);
    if (is_glyph(b) || frame_.reversed) return {top_port(i, fraction, far_y)};
    const double lo = p.x1, hi = p.x2 + p.de;
    auto on_outline = [&](double x) {
        return Point{x, p.y1 - std::max(0.0, std::min(x - p.x1, p.de))};
    };
    if (auto port = clear_port(i, lo, hi, fraction, far_y, on_outline)) return {*port};
    if (b.on_spine) {
        if (leaving) {
            const bool has_next = i + 1 < spine_boxes_ && boxes_[i + 1].row == b.row;
            const double end = has_next ? front_left(boxes_[i + 1], frame_) - 1 : hi + spacing_;
            auto at = [&](double x) { return Point{x, p.y1 - p.de}; };
            if (end > hi) {
                if (auto port = clear_port(i, hi, end, 0.5, far_y, at))
                    return {{hi, p.y1 - p.de}, *port};
            }
        } else {
            const bool has_prev = i > 0 && boxes_[i - 1].row == b.row;
            const double start = has_prev ? layout_box(boxes_[i - 1], frame_).x2 +
                                                right_reach(boxes_[i - 1], frame_) + 1
                                          : lo - spacing_;
            auto at = [&](double x) { return Point{x, p.y1}; };
            if (start < lo) {
                if (auto port = clear_port(i, start, lo, 0.5, far_y, at))
                    return {*port, {lo, p.y1}};
            }
        }
    }
    return {on_outline(lo + fraction * (hi - lo))};
}

Point BoxPorts::return_descent(const std::vector<RowBand>& rows, std::size_t r) const {
    std::size_t i = 0;
    while (i + 1 < spine_boxes_ && boxes_[i].row != r) ++i;
    // Left of the row's first layer, and of any lane box that starts further left (captions
    // may push the spine right of its lanes): a lane fed from the return is then reached
    // from its left, not through its own boxes.
    double left = entry_port(i).x;
    // Nor through a caption over the first layer, centred on its top face.
    const DrawnBox& first = boxes_[i];
    if (first.caption && first.caption->above && !frame_.reversed) {
        const BoxPlacement p = layout_box(first, frame_);
        const double centre = p.x1 + first.de + first.size.z / 2;
        left = std::min(left, centre - first.caption->width / 2 - kRowGap / 2);
    }
    for (std::size_t k = spine_boxes_; k < boxes_.size(); ++k) {
        if (boxes_[k].row != r) continue;
        const BoxPlacement p = layout_box(boxes_[k], frame_);
        left = std::min(left, frame_.reversed ? p.x1 - p.de : p.x1);
    }
    return {left - kRowGap / 2, rows[r - 1].y + rows[r - 1].bottom + kRowGap / 2};
}

std::vector<Point> BoxPorts::bottom_leg(std::size_t i, double fraction, double far_y) const {
    const DrawnBox& b = boxes_[i];
    const BoxPlacement p = layout_box(b, frame_);
    if (is_glyph(b)) return {{(p.x1 + p.x2) / 2, p.y2}};
    auto at = [&](double x) { return Point{x, p.y2}; };
    if (auto port = clear_port(i, p.x1, p.x2, fraction, far_y, at)) return {*port};
    const bool to_right = fraction >= 0.5;
    if (b.on_spine) {
        const bool has_next = i + 1 < spine_boxes_ && boxes_[i + 1].row == b.row;
        const bool has_prev = i > 0 && boxes_[i - 1].row == b.row;
        const double gap_end =
            to_right ? (has_next ? front_left(boxes_[i + 1], frame_) - 1 : p.x2 + spacing_)
                     : (has_prev ? layout_box(boxes_[i - 1], frame_).x2 + 1 : p.x1 - spacing_);
        const double lo = to_right ? p.x2 : std::min(gap_end, p.x1);
        const double hi = to_right ? std::max(gap_end, p.x2) : p.x1;
        if (auto port = clear_port(i, lo, hi, 0.5, far_y, at)) {
            const Point corner{to_right ? p.x2 : p.x1, p.y2};
            return to_right ? std::vector<Point>{corner, *port} : std::vector<Point>{*port, corner};
        }
    }
    return {at(p.x1 + fraction * (p.x2 - p.x1))};
}

Point exit_port(const DrawnBox& b, BoxFrame frame) {
    const BoxPlacement p = layout_box(b, frame);
    if (is_glyph(b)) return {p.x2, (p.y1 + p.y2) / 2};
    const double reach = right_reach(b, frame);
    return {p.x2 + reach, (p.y1 + p.y2) / 2 - reach / 2};
}

Point entry_port(const DrawnBox& b, BoxFrame frame) {
    const BoxPlacement p = layout_box(b, frame);
    return {p.x1, (p.y1 + p.y2) / 2};
}

}  // namespace strata::layout
