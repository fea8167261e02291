// What is drawn over the boxes of a branching model: skip, bus, branch and row-return
// connectors, the ghosts and brackets of the ×N repeats, and the room they take.

#include "layout/layered/layered_builder.hpp"

#include <algorithm>
#include <limits>
#include <variant>

#include "layout/decorations/text_run.hpp"
#include "layout/layered/connector_shapes.hpp"

namespace strata::layout {
namespace {

constexpr double kArrowSize = 5;
const Rgba kGhostFill{236, 236, 236, 255};
const Rgba kGhostStroke{150, 150, 150, 255};

bool consecutive_in_branch(const std::vector<std::size_t>& nodes, std::size_t u, std::size_t v) {
    for (std::size_t k = 0; k + 1 < nodes.size(); ++k) {
        if (nodes[k] == u && nodes[k + 1] == v) return true;
    }
    return false;
}

}  // namespace

Group LayeredBuilder::connector_group(const std::string& id, std::string label,
                                      std::vector<Point> path, Rgba color, Point tip, double dx,
                                      double dy) {
    Group g;
    g.id = ids_.make(id);
    g.label = std::move(label);
    g.role = Role::connector;
    const double width = std::max(o_.connector_width, 1.0);
    g.items.push_back(Polyline{"path", std::move(path), color, width});
    g.items.push_back(arrowhead(tip, dx, dy, kArrowSize, color));
    return g;
}

const std::string& LayeredBuilder::name_of(std::size_t node) const {
    return model_.layers[graph_->dag.layer[node]].name;
}

void LayeredBuilder::build_overlays() {
    const graph::Arrangement& a = *graph_;
    overlays_.clear();
    ghosts_.clear();
    // Skip connections above the row.
    for (std::size_t k = 0; k < a.skips.size(); ++k) {
        const graph::Skip& s = a.skips[k];
        const std::size_t from = index_of(s.from), to = index_of(s.to);
        const double y = rows_[boxes_[from].row].y + skip_offset_[k];
        std::vector<Point> path = top_leg(from, 0.75, y, true);
        const std::vector<Point> end = top_leg(to, 0.25, y, false);
        path.push_back({path.back().x, y});
        path.push_back({end.front().x, y});
        path.insert(path.end(), end.begin(), end.end());
        const Rgba color = s.copy ? kCopyColor : o_.connector_fill;
        const Point q = path.back();
        const bool sideways = end.size() > 1;
        overlays_.push_back(connector_group(
            box_id(from) + "-skip",
            (s.copy ? "copy from " : "skip from ") + name_of(s.from) + " to " + name_of(s.to),
            std::move(path), color, q, sideways ? 1 : 0, sideways ? 0 : 1));
    }
    for (std::size_t k = 0; k < a.buses.size(); ++k) {
        const graph::Bus& bus = a.buses[k];
        const Rgba color = bus.copy ? kCopyColor : o_.connector_fill;
        const double y = rows_[box_of(bus.sources.front()).row].y + bus_offset_[k];
        Group g;
        g.id = ids_.make(box_id(index_of(bus.sources.front())) + "-bus");
        g.label = "dense connections from " + name_of(bus.sources.front());
        g.role = Role::connector;
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        const double width = std::max(o_.connector_width, 1.0);
        for (std::size_t v : bus.sources) {
            std::vector<Point> tap = top_leg(index_of(v), 0.75, y, true);
            tap.push_back({tap.back().x, y});
            lo = std::min(lo, tap.back().x);
            hi = std::max(hi, tap.back().x);
            g.items.push_back(Polyline{"tap", std::move(tap), color, width});
        }
        for (std::size_t v : bus.targets) {
            const std::vector<Point> end = top_leg(index_of(v), 0.25, y, false);
            std::vector<Point> tap{{end.front().x, y}};
            tap.insert(tap.end(), end.begin(), end.end());
            lo = std::min(lo, tap.front().x);
            hi = std::max(hi, tap.front().x);
            const bool sideways = end.size() > 1;
            g.items.push_back(Polyline{"tap", std::move(tap), color, width});
            g.items.push_back(
                arrowhead(end.back(), sideways ? 1 : 0, sideways ? 0 : 1, kArrowSize, color));
        }
        g.items.insert(g.items.begin(), Polyline{"bus", {{lo, y}, {hi, y}}, color, width * 2});
        overlays_.push_back(std::move(g));
    }
    // Branches: from the fork down into the lane, from the lane up into the join.
    for (std::size_t i = spine_boxes_; i < boxes_.size(); ++i) {
        const DrawnBox& b = boxes_[i];
        const int ln = lane_[static_cast<std::size_t>(b.branch)];
        const double shift = 0.1 * std::min(ln - 1, 3);
        const std::vector<std::size_t> nodes = visible_nodes(static_cast<std::size_t>(b.branch));
        for (std::size_t u : a.dag.preds[b.node]) {
            if (!visible(u)) continue;
            const std::size_t ui = index_of(u);
            const Point q = entry_port(i);
            if (boxes_[ui].on_spine && boxes_[ui].row + 1 == b.row) {
                // The fork ends the row above: the lane leaves the carriage return.
                const Point r = return_descent(b.row);
                overlays_.push_back(connector_group(
                    box_id(ui) + "-branch", "branch from " + name_of(u) + " to " + name_of(b.node),
                    {r, {r.x, q.y}, q}, o_.connector_fill, q, 1, 0));
            } else if (boxes_[ui].on_spine) {
                std::vector<Point> path = bottom_leg(ui, 0.75 - shift, q.y);
                path.push_back({path.back().x, q.y});
                path.push_back(q);
                overlays_.push_back(connector_group(
                    box_id(ui) + "-branch", "branch from " + name_of(u) + " to " + name_of(b.node),
                    std::move(path), o_.connector_fill, q, 1, 0));
            } else if (!consecutive_in_branch(nodes, u, b.node)) {
                const Point p = exit_port(ui);
                const double x = q.x - std::min(6.0, o_.spacing / 2);
                overlays_.push_back(connector_group(
                    box_id(ui) + "-link", "link from " + name_of(u) + " to " + name_of(b.node),
                    {p, {x, p.y}, {x, q.y}, q}, o_.connector_fill, q, 1, 0));
            }
        }
        for (std::size_t w : a.dag.succs[b.node]) {
            if (!visible(w) || !boxes_[index_of(w)].on_spine) continue;
            const std::size_t wi = index_of(w);
            const Point p = exit_port(i);
            const std::vector<Point> leg = bottom_leg(wi, 0.25 + shift, p.y);
            std::vector<Point> path{p, {leg.front().x, p.y}};
            path.insert(path.end(), leg.begin(), leg.end());
            const Point q = leg.back();
            const double dx = leg.size() > 1 ? 1 : 0, dy = leg.size() > 1 ? 0 : -1;
            overlays_.push_back(connector_group(
                box_id(i) + "-join", "join from " + name_of(b.node) + " to " + name_of(w),
                std::move(path), o_.connector_fill, q, dx, dy));
        }
    }
    // Carriage returns between rows.
    for (std::size_t i = 1; i < spine_boxes_; ++i) {
        if (boxes_[i].row <= boxes_[i - 1].row) continue;  // a return only goes down a row
        const std::size_t r = boxes_[i].row;
        const Point p = exit_port(i - 1);
        const Point q = entry_port(i);
        const double xa = p.x + kRowGap / 2;
        const auto [xb, ym] = return_descent(r);
        overlays_.push_back(connector_group(
            box_id(i) + "-row", "next row: " + name_of(boxes_[i].node),
            {p, {xa, p.y}, {xa, ym}, {xb, ym}, {xb, q.y}, q}, o_.connector_fill, q, 1, 0));
    }
    // ×N: ghost outlines behind the unit, a bracket and a label under it.
    for (std::size_t k = 0; k < a.repeats.size(); ++k) {
        const graph::Repeat& r = a.repeats[k];
        Group ghosts;
        ghosts.id = ids_.make(box_id(index_of(a.spine[r.first])) + "-repeat");
        ghosts.label = "repeated " + std::to_string(r.count) + " times: " + r.scope;
        ghosts.role = Role::repeat;
        for (int copy = 2; copy >= 1; --copy) {
            const double d = kGhostStep * copy;
            for (std::size_t i : unit_boxes_[k]) {
                const DrawnBox& b = boxes_[i];
                if (is_glyph(b)) continue;
                Polygon outline{"ghost", silhouette(layout_box(b)), kGhostFill, kGhostStroke, 1};
                for (Point& pt : outline.points) {
                    pt.x += d;
                    pt.y -= d;
                }
                ghosts.items.push_back(std::move(outline));
            }
        }
        ghosts_.push_back(std::move(ghosts));
        const auto [lo, hi] = repeat_extent(k);
        const std::size_t row = box_of(a.spine[r.first]).row;
        const double y = rows_[row].y + bracket_offset_[k];
        Group bracket;
        bracket.id = ids_.make(box_id(index_of(a.spine[r.first])) + "-times");
        bracket.label = repeat_label(k);
        bracket.role = Role::annotation;
        bracket.items.push_back(bracket_line(lo, hi, y));
        const FontSpec font = annotation_font();
        const std::string label = repeat_label(k);
        const TextMetrics m = text_.measure(label, font);
        const Point baseline{(lo + hi) / 2 - m.advance / 2, y + kBracketTick / 2 + m.ascent};
        bracket.items.push_back(make_text_run(text_, font, label, baseline, m.advance,
                                              o_.font_color, TextAnchor::middle));
        overlays_.push_back(std::move(bracket));
    }
    add_stage_brackets();
    extra_bounds_.clear();
    for (const auto* list : {&overlays_, &ghosts_}) {
        for (const Group& g : *list) {
            for (const Primitive& prim : g.items) extra_bounds_.push_back(bounds_of(prim));
        }
    }
}

Rect LayeredBuilder::bounds_of(const Primitive& prim) {
    Rect r{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
           -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    auto add = [&](double x, double y) {
        r.left = std::min(r.left, x);
        r.top = std::min(r.top, y);
        r.right = std::max(r.right, x);
        r.bottom = std::max(r.bottom, y);
    };
    if (const auto* p = std::get_if<Polygon>(&prim)) {
        for (const Point& q : p->points) add(q.x, q.y);
    } else if (const auto* l = std::get_if<Polyline>(&prim)) {
        for (const Point& q : l->points) add(q.x, q.y);
    } else if (const auto* t = std::get_if<TextRun>(&prim)) {
        const TextMetrics m = text_.measure(t->text, FontSpec{o_.font, t->font_size});
        add(t->x, t->y - m.ascent);
        add(t->x + std::max(m.advance, m.right), t->y + m.descent);
    }
    return r;
}

}  // namespace strata::layout
