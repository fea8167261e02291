#include "layout/layered/connectors.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include "layout/layered/branch_positions.hpp"
#include "layout/layered/connector_ports.hpp"
#include "layout/layered/connector_shapes.hpp"
#include "layout/layered/figure_bounds.hpp"

namespace strata::layout {
namespace {

constexpr double kArrowSize = 5;
constexpr double kCaptionClearance = 3;  // px between a caption and a line passing it

// The right edge of the rightmost caption of each row's spine boxes (-inf for none).
std::vector<double> caption_right_by_row(const BranchingLayout& placed,
                                         const std::vector<DrawnBox>& boxes, BoxFrame frame,
                                         const Options& options) {
    std::vector<double> right(placed.rows.size(), -std::numeric_limits<double>::infinity());
    for (std::size_t i = 0; i < placed.graph.spine_boxes; ++i) {
        const DrawnBox& b = boxes[i];
        if (!b.caption || b.row >= right.size()) continue;
        const BoxPlacement at = layout_box(b, frame);
        right[b.row] = std::max(right[b.row], caption_block(b, at.x1, at.y1, options).right);
    }
    return right;
}

// What every connector is drawn with.
struct ConnectorPen {
    const Options& options;
    IdMaker& ids;

    Group group(const std::string& id, std::string label, std::vector<Point> path, Rgba color,
                Point tip, double dx, double dy) const {
        Group g;
        g.id = ids.make(id);
        g.label = std::move(label);
        g.role = Role::connector;
        const double width = std::max(options.connector_width, 1.0);
        g.items.push_back(Polyline{"path", std::move(path), color, width});
        g.items.push_back(arrowhead(tip, dx, dy, kArrowSize, color));
        return g;
    }
};

}  // namespace

std::vector<Group> connector_groups(const BranchingLayout& placed,
                                    const std::vector<DrawnBox>& boxes,
                                    const std::vector<std::string>& box_ids, BoxFrame frame,
                                    const Model& model, const Options& options, IdMaker& ids) {
    const GraphBoxes& graph = placed.graph;
    const graph::Arrangement& a = graph.arrangement;
    const std::vector<RowBand>& rows = placed.rows;
    const BoxPorts ports(boxes, graph.spine_boxes, frame, options.spacing);
    const ConnectorPen pen{options, ids};
    const BranchPositions in_branch(graph);
    auto name_of = [&](std::size_t node) -> const std::string& {
        return model.layers[a.dag.layer[node]].name;
    };
    std::vector<Group> out;
    // Skip connections above the row.
    for (std::size_t k = 0; k < a.skips.size(); ++k) {
        const graph::Skip& s = a.skips[k];
        const std::size_t from = graph.index_of(s.from), to = graph.index_of(s.to);
        const double y = rows[boxes[from].row].y + placed.levels.skip_y[k];
        std::vector<Point> path = ports.top_leg(from, 0.75, y, true);
        const std::vector<Point> end = ports.top_leg(to, 0.25, y, false);
        path.push_back({path.back().x, y});
        path.push_back({end.front().x, y});
        path.insert(path.end(), end.begin(), end.end());
        const Rgba color = s.copy ? kCopyColor : options.connector_fill;
        const Point q = path.back();
        const bool sideways = end.size() > 1;
        out.push_back(pen.group(
            box_ids[from] + "-skip",
            (s.copy ? "copy from " : "skip from ") + name_of(s.from) + " to " + name_of(s.to),
            std::move(path), color, q, sideways ? 1 : 0, sideways ? 0 : 1));
    }
    for (std::size_t k = 0; k < a.buses.size(); ++k) {
        const graph::Bus& bus = a.buses[k];
        const Rgba color = bus.copy ? kCopyColor : options.connector_fill;
        const double y =
            rows[boxes[graph.index_of(bus.sources.front())].row].y + placed.levels.bus_y[k];
        Group g;
        g.id = ids.make(box_ids[graph.index_of(bus.sources.front())] + "-bus");
        g.label = "dense connections from " + name_of(bus.sources.front());
        g.role = Role::connector;
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        const double width = std::max(options.connector_width, 1.0);
        for (std::size_t v : bus.sources) {
            std::vector<Point> tap = ports.top_leg(graph.index_of(v), 0.75, y, true);
            tap.push_back({tap.back().x, y});
            lo = std::min(lo, tap.back().x);
            hi = std::max(hi, tap.back().x);
            g.items.push_back(Polyline{"tap", std::move(tap), color, width});
        }
        for (std::size_t v : bus.targets) {
            const std::vector<Point> end = ports.top_leg(graph.index_of(v), 0.25, y, false);
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
        out.push_back(std::move(g));
    }
    // Branches: from the fork down into the lane, from the lane up into the join.
    for (std::size_t i = graph.spine_boxes; i < boxes.size(); ++i) {
        const DrawnBox& b = boxes[i];
        const int ln = placed.levels.lane[static_cast<std::size_t>(b.branch)];
        const double shift = 0.1 * std::min(ln - 1, 3);
        for (std::size_t u : a.dag.preds[b.node]) {
            if (!graph.visible(u)) continue;
            const std::size_t ui = graph.index_of(u);
            const Point q = ports.entry_port(i);
            if (boxes[ui].on_spine && boxes[ui].row + 1 == b.row) {
                // The fork ends the row above: the lane leaves the carriage return.
                const Point r = ports.return_descent(rows, b.row);
                out.push_back(pen.group(box_ids[ui] + "-branch",
                                        "branch from " + name_of(u) + " to " + name_of(b.node),
                                        {r, {r.x, q.y}, q}, options.connector_fill, q, 1, 0));
            } else if (boxes[ui].on_spine) {
                std::vector<Point> path = ports.bottom_leg(ui, 0.75 - shift, q.y);
                path.push_back({path.back().x, q.y});
                path.push_back(q);
                out.push_back(pen.group(box_ids[ui] + "-branch",
                                        "branch from " + name_of(u) + " to " + name_of(b.node),
                                        std::move(path), options.connector_fill, q, 1, 0));
            } else if (!in_branch.consecutive(static_cast<std::size_t>(b.branch), u, b.node)) {
                const Point p = ports.exit_port(ui);
                const double x = q.x - std::min(6.0, options.spacing / 2);
                out.push_back(pen.group(
                    box_ids[ui] + "-link", "link from " + name_of(u) + " to " + name_of(b.node),
                    {p, {x, p.y}, {x, q.y}, q}, options.connector_fill, q, 1, 0));
            }
        }
        for (std::size_t w : a.dag.succs[b.node]) {
            if (!graph.visible(w) || !boxes[graph.index_of(w)].on_spine) continue;
            const std::size_t wi = graph.index_of(w);
            const Point p = ports.exit_port(i);
            const std::vector<Point> leg = ports.bottom_leg(wi, 0.25 + shift, p.y);
            std::vector<Point> path{p, {leg.front().x, p.y}};
            path.insert(path.end(), leg.begin(), leg.end());
            const Point q = leg.back();
            const double dx = leg.size() > 1 ? 1 : 0, dy = leg.size() > 1 ? 0 : -1;
            out.push_back(pen.group(box_ids[i] + "-join",
                                    "join from " + name_of(b.node) + " to " + name_of(w),
                                    std::move(path), options.connector_fill, q, dx, dy));
        }
    }
    // Carriage returns between rows, each dropping clear of the captions and ×N labels of its row.
    const std::vector<double> caption_right = caption_right_by_row(placed, boxes, frame, options);
    for (std::size_t i = 1; i < graph.spine_boxes; ++i) {
        if (boxes[i].row <= boxes[i - 1].row) continue;  // a return only goes down a row
        const std::size_t r = boxes[i].row;
        const Point p = ports.exit_port(i - 1);
        const Point q = ports.entry_port(i);
        const double text_right = std::max(caption_right[r - 1], placed.levels.label_right[r - 1]);
        const double xa = std::max(p.x + kRowGap / 2, text_right + kCaptionClearance);
        const auto [xb, ym] = ports.return_descent(rows, r);
        out.push_back(pen.group(box_ids[i] + "-row", "next row: " + name_of(boxes[i].node),
                                {p, {xa, p.y}, {xa, ym}, {xb, ym}, {xb, q.y}, q},
                                options.connector_fill, q, 1, 0));
    }
    return out;
}

}  // namespace strata::layout
