#include "layout/functional/collapse_marks.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "layout/decorations/text_run.hpp"

namespace strata::layout::functional {
namespace {

constexpr double kBadgePadX = 4, kBadgePadY = 2, kBadgeRadius = 4;
constexpr double kArrowOffset = 10, kArrowWidth = 2, kHead = 6, kLabelGap = 4;

struct Ink {
    double width = 0, height = 0;
    TextMetrics metrics;
};

Ink ink(TextMeasurer& text, const std::string& s, const FontSpec& font) {
    const TextMetrics m = text.measure(s, font);
    return {m.right - m.left, m.bottom - m.top, m};
}

// A rectangle with rounded corners, as a polygon.
std::vector<Point> rounded_rect(double x1, double y1, double x2, double y2, double r) {
    r = std::min({r, (x2 - x1) / 2, (y2 - y1) / 2});
    std::vector<Point> points;
    const struct {
        double cx, cy, from;
    } corners[] = {
        {x2 - r, y1 + r, -90}, {x2 - r, y2 - r, 0}, {x1 + r, y2 - r, 90}, {x1 + r, y1 + r, 180}};
    for (const auto& c : corners)
        for (int step = 0; step <= 4; ++step) {
            const double a = (c.from + 22.5 * step) * std::numbers::pi / 180;
            points.push_back({c.cx + r * std::cos(a), c.cy + r * std::sin(a)});
        }
    return points;
}

// The node's whole box, depth included (whole pixels in compat mode, as visualkeras places).
struct BoxRect {
    double x1, y1, x2, y2;
};
BoxRect rect_of(const Node& n) {
    return {n.x, n.y, n.x + n.width, n.y + n.height};
}

bool has_arrow(const Node& n, const CollapseMarkStyle& style) {
    if (!n.collapsed || n.collapsed->kind != CollapseKind::block || !style.annotate) return false;
    const BoxRect r = rect_of(n);
    return r.x2 - r.x1 >= 12;  // at least 8 px of arrow between the inset ends
}

}  // namespace

double annotation_room(const Node& node, TextMeasurer& text, const CollapseMarkStyle& style) {
    if (!has_arrow(node, style)) return 0;
    const double label_h =
        node.collapsed->label.empty() ? 0 : ink(text, node.collapsed->label, style.font).height;
    return kArrowOffset + kHead / 2 + kLabelGap + label_h + 1;
}

Group collapse_marks(const Node& node, TextMeasurer& text, const CollapseMarkStyle& style,
                     const std::string& id, const std::string& label) {
    Group group;
    group.id = id;
    group.label = label;
    group.role = Role::annotation;
    const std::string& mark = node.collapsed->label;
    const BoxRect r = rect_of(node);
    if (!mark.empty()) {
        const Ink t = ink(text, mark, style.font);
        const double w = std::max(1.0, t.width + 2 * kBadgePadX);
        const double h = std::max(1.0, t.height + 2 * kBadgePadY);
        const double bx2 = r.x2 - 4, bx1 = std::max(r.x1 + 2, bx2 - w), by1 = r.y1 + 4;
        group.items.push_back(Polygon{"badge", rounded_rect(bx1, by1, bx2, by1 + h, kBadgeRadius),
                                      Rgba{255, 255, 255, 255}, Rgba{0, 0, 0, 255}, 1});
        // Pillow sets the text's origin where its ink should start.
        const double ink_x = style.compat ? 0 : t.metrics.left;
        const double ink_y = style.compat ? 0 : t.metrics.top;
        group.items.push_back(
            make_text_run(text, style.font, mark,
                          {bx1 + kBadgePadX - ink_x, by1 + kBadgePadY - ink_y + t.metrics.ascent},
                          t.metrics.advance, style.text_color, TextAnchor::start));
    }
    if (!has_arrow(node, style)) return group;
    double left = r.x1 + 8, right = r.x2 - 8;
    if (right - left < 12) left = r.x1 + 2, right = r.x2 - 2;
    const bool below = node.collapsed->position == AnnotationPosition::below;
    double y = below ? r.y2 + kArrowOffset : r.y1 - kArrowOffset;
    if (style.canvas_height > 0) y = std::max(2.0, std::min(style.canvas_height - 3, y));
    const double half = std::floor(kHead / 2);
    group.items.push_back(
        Polyline{"arrow", {{left, y}, {right, y}}, style.arrow_color, kArrowWidth});
    group.items.push_back(Polygon{"arrowhead",
                                  {{left, y}, {left + kHead, y - half}, {left + kHead, y + half}},
                                  style.arrow_color,
                                  style.arrow_color,
                                  1});
    group.items.push_back(
        Polygon{"arrowhead",
                {{right, y}, {right - kHead, y - half}, {right - kHead, y + half}},
                style.arrow_color,
                style.arrow_color,
                1});
    if (mark.empty()) return group;
    const Ink t = ink(text, mark, style.font);
    const double tx = std::floor((left + right - t.width) / 2);
    double ty = below ? y + kLabelGap : y - t.height - kLabelGap;
    if (style.canvas_height > 0)
        ty = std::max(0.0, std::min(style.canvas_height - std::max(1.0, t.height), ty));
    group.items.push_back(Polygon{"label-ground",
                                  {{tx - 2, ty - 1},
                                   {tx + t.width + 2, ty - 1},
                                   {tx + t.width + 2, ty + t.height + 1},
                                   {tx - 2, ty + t.height + 1}},
                                  Rgba{255, 255, 255, 220},
                                  std::nullopt,
                                  0});
    const double ink_x = style.compat ? 0 : t.metrics.left;
    const double ink_y = style.compat ? 0 : t.metrics.top;
    group.items.push_back(make_text_run(text, style.font, mark,
                                        {tx - ink_x, ty - ink_y + t.metrics.ascent},
                                        t.metrics.advance, style.arrow_color, TextAnchor::start));
    return group;
}

}  // namespace strata::layout::functional
