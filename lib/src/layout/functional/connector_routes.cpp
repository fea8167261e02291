#include "layout/functional/connector_routes.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace strata::layout::functional {
namespace {

enum class End { start, mid, end };

// visualkeras rounds halves to even (Python's round); so does nearbyint.
double round_even(double v) {
    return std::nearbyint(v);
}

struct Router {
    const Graph& g;
    const Options& options;
    std::vector<std::vector<std::size_t>> in, out;

    bool hidden(std::size_t v) const {
        return g.nodes[v].kind == NodeKind::waypoint && !options.render_virtual_nodes;
    }

    Point anchor(std::size_t v, End end) const {
        const Node& n = g.nodes[v];
        const double face_w = n.width - n.de, face_h = n.height - n.de;
        const double face_y = n.y + n.de;
        double x = n.x + face_w / 2;
        if (!hidden(v) && end == End::start) x = n.x + face_w + options.connector_padding;
        if (!hidden(v) && end == End::end) x = n.x - options.connector_padding;
        return {round_even(x), round_even(face_y + face_h / 2)};
    }
};

void add_point(std::vector<Point>& points, Point p) {
    if (points.empty() || points.back().x != p.x || points.back().y != p.y) points.push_back(p);
}

// A turning x between x1 and x2, kept 2 px inside them when there is room.
double clamp_mid(double mid, double x1, double x2) {
    if (x1 + 2 < x2 - 2) return std::max(x1 + 2, std::min(x2 - 2, mid));
    return round_even((x1 + x2) / 2);
}

// How far out a connector to the next row runs, in lanes: `out` past the row's right end and
// below it, `back` before the next row's first column.
struct WrapLanes {
    std::size_t out = 0, back = 0;
};

// The lanes of the connectors that wrap from each row to the next, in the order the routes
// meet them. They nest, so that none crosses another: the higher a connector leaves its row,
// the farther right and lower it runs (its way down passes the ends of those below it); the
// higher it enters the next row, the nearer it comes down (those going lower pass outside
// it). Lanes taken in the order the connectors were met would cross the parallel branches
// of a wrapped row at every wrap.
std::vector<WrapLanes> lanes_of_wraps(
    const Graph& g, const Router& r, const std::vector<std::size_t>& sources,
    const std::map<std::size_t, std::vector<std::vector<std::size_t>>>& paths) {
    struct Wrap {
        std::size_t row = 0;
        double from_y = 0, to_y = 0;
    };
    std::vector<Wrap> wraps;
    for (std::size_t src : sources) {
        for (const auto& path : paths.at(src)) {
            for (std::size_t i = 1; i < path.size(); ++i) {
                const std::size_t row = g.nodes[path[i - 1]].row;
                if (g.nodes[path[i]].row == row) continue;
                wraps.push_back(
                    {row, r.anchor(path[i - 1], End::mid).y, r.anchor(path[i], End::mid).y});
            }
        }
    }
    std::vector<WrapLanes> lanes(wraps.size());
    std::map<std::size_t, std::vector<std::size_t>> by_row;
    for (std::size_t w = 0; w < wraps.size(); ++w) by_row[wraps[w].row].push_back(w);
    for (auto& [row, list] : by_row) {
        const std::size_t n = list.size();
        std::vector<std::size_t> order = list;
        // Connectors leaving at one height keep the order they were met in.
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return wraps[a].from_y > wraps[b].from_y;
        });
        for (std::size_t k = 0; k < n; ++k) lanes[order[k]].out = k;
        order = list;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return wraps[a].to_y < wraps[b].to_y;
        });
        for (std::size_t k = 0; k < n; ++k) lanes[order[k]].back = k;
    }
    return lanes;
}

}  // namespace

std::vector<Route> connector_routes(const Graph& g, const Options& options) {
    Router r{g, options, std::vector<std::vector<std::size_t>>(g.nodes.size()),
             std::vector<std::vector<std::size_t>>(g.nodes.size())};
    for (const Edge& e : g.edges) {
        r.out[e.src].push_back(e.dst);
        r.in[e.dst].push_back(e.src);
    }
    // Where the inputs of a merge turn: halfway between the rightmost start and the merge.
    std::map<std::size_t, double> merge_x;
    for (std::size_t v = 0; v < g.nodes.size(); ++v) {
        if (r.in[v].size() < 2) continue;
        double rightmost = -1;
        for (std::size_t s : r.in[v]) rightmost = std::max(rightmost, r.anchor(s, End::start).x);
        merge_x[v] = round_even(rightmost + (r.anchor(v, End::end).x - rightmost) / 2);
    }
    // Paths: from a drawn node (or a waypoint where chains meet) through hidden waypoints.
    std::set<std::pair<std::size_t, std::size_t>> visited;
    std::vector<std::size_t> sources;
    std::map<std::size_t, std::vector<std::vector<std::size_t>>> paths;
    for (const Edge& e : g.edges) {
        if (visited.count({e.src, e.dst})) continue;
        if (r.hidden(e.src) && r.in[e.src].size() == 1) continue;
        std::vector<std::size_t> path{e.src};
        std::size_t prev = e.src, cur = e.dst;
        while (true) {
            path.push_back(cur);
            visited.insert({prev, cur});
            if (!r.hidden(cur) || r.out[cur].size() != 1 || r.in[cur].size() != 1) break;
            prev = cur;
            cur = r.out[cur][0];
            if (visited.count({prev, cur})) break;
        }
        if (!paths.count(e.src)) sources.push_back(e.src);
        paths[e.src].push_back(std::move(path));
    }
    for (std::size_t src : sources) {
        std::stable_sort(paths[src].begin(), paths[src].end(), [&](const auto& l, const auto& rr) {
            const Node& a = g.nodes[l.back()];
            const Node& b = g.nodes[rr.back()];
            return a.y + a.height / 2 < b.y + b.height / 2;
        });
    }
    const std::vector<WrapLanes> wrap_lanes = lanes_of_wraps(g, r, sources, paths);
    std::size_t wrap = 0;  // the wraps in the order lanes_of_wraps met them
    std::vector<Route> routes;
    for (std::size_t src : sources) {
        auto& list = paths[src];
        std::optional<double> branch_x;
        if (list.size() > 1) {
            const double x_start = r.anchor(src, End::start).x;
            double nearest = 0;
            bool any = false;
            for (const auto& path : list) {
                const double x = r.anchor(path[1], path.size() == 2 ? End::end : End::mid).x;
                nearest = any ? std::min(nearest, x) : x;
                any = true;
            }
            if (any) {
                const double x =
                    clamp_mid(round_even(x_start + (nearest - x_start) / 2), x_start, nearest);
                if (x > x_start + 1) branch_x = x;
            }
        }
        for (const auto& path : list) {
            Route route{path.front(), path.back(), {}};
            for (std::size_t i = 0; i < path.size(); ++i) {
                const End end = i == 0 ? End::start : i + 1 == path.size() ? End::end : End::mid;
                const Point p = r.anchor(path[i], end);
                if (route.points.empty()) {
                    add_point(route.points, p);
                    continue;
                }
                const Point last = route.points.back();
                const std::size_t from_row = g.nodes[path[i - 1]].row;
                if (g.nodes[path[i]].row != from_row) {
                    // To the next row: down past the end of this one, left along the band
                    // below it, down before the first column of the next.
                    const RowPassages& ways = g.passages;
                    const WrapLanes& lanes = wrap_lanes[wrap++];
                    const double out = ways.lane[from_row] * static_cast<double>(lanes.out);
                    const double back = ways.lane[from_row] * static_cast<double>(lanes.back);
                    const double right = std::max(ways.turn_right[from_row] + out, last.x);
                    const double left = std::min(ways.turn_left[from_row] - back, p.x);
                    const double band = ways.band_y[from_row] + out;
                    add_point(route.points, {right, last.y});
                    add_point(route.points, {right, band});
                    add_point(route.points, {left, band});
                    add_point(route.points, {left, p.y});
                    add_point(route.points, p);
                    continue;
                }
                if (p.x <= last.x + 1) {
                    add_point(route.points, p);
                    continue;
                }
                double mid = round_even(last.x + (p.x - last.x) / 2);
                if (i + 1 == path.size() && merge_x.count(path[i]))
                    mid = merge_x[path[i]];
                else if (i == 1 && branch_x)
                    mid = *branch_x;
                mid = clamp_mid(mid, last.x, p.x);
                add_point(route.points, {mid, last.y});
                add_point(route.points, {mid, p.y});
                add_point(route.points, p);
            }
            if (route.points.size() >= 2) routes.push_back(std::move(route));
        }
    }
    return routes;
}

std::vector<Point> arrowhead(const Route& route, double width) {
    const Point end = route.points.back();
    const Point prev = route.points[route.points.size() - 2];
    const double size = std::max(8.0, width * 3);
    const double half = std::floor(size / 2);
    if (end.x > prev.x) return {end, {end.x - size, end.y - half}, {end.x - size, end.y + half}};
    if (end.x < prev.x) return {end, {end.x + size, end.y - half}, {end.x + size, end.y + half}};
    if (end.y > prev.y) return {end, {end.x - half, end.y - size}, {end.x + half, end.y - size}};
    return {end, {end.x - half, end.y + size}, {end.x + half, end.y + size}};
}

}  // namespace strata::layout::functional
