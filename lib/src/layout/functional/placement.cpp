#include "layout/functional/placement.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace strata::layout::functional {
namespace {

struct Adjacency {
    std::vector<std::vector<std::size_t>> in, out;
};

Adjacency adjacency(const Graph& g) {
    Adjacency a{std::vector<std::vector<std::size_t>>(g.nodes.size()),
                std::vector<std::vector<std::size_t>>(g.nodes.size())};
    for (const Edge& e : g.edges) {
        a.out[e.src].push_back(e.dst);
        a.in[e.dst].push_back(e.src);
    }
    return a;
}

// Connected parts, each in the order a breadth-first walk from its first node meets them,
// sorted by their least rank, then their first place in the model's order.
std::vector<std::vector<std::size_t>> components(const Graph& g, const Adjacency& a) {
    std::vector<std::vector<std::size_t>> parts;
    std::vector<bool> seen(g.nodes.size(), false);
    for (std::size_t start = 0; start < g.nodes.size(); ++start) {
        if (seen[start]) continue;
        std::vector<std::size_t> part{start};
        seen[start] = true;
        for (std::size_t head = 0; head < part.size(); ++head) {
            const std::size_t v = part[head];
            for (const auto* list : {&a.out[v], &a.in[v]})
                for (std::size_t n : *list)
                    if (!seen[n]) {
                        seen[n] = true;
                        part.push_back(n);
                    }
        }
        parts.push_back(std::move(part));
    }
    const auto key = [&](const std::vector<std::size_t>& part) {
        int rank = g.nodes[part[0]].rank;
        std::size_t order = g.nodes[part[0]].order;
        for (std::size_t v : part) {
            rank = std::min(rank, g.nodes[v].rank);
            order = std::min(order, g.nodes[v].order);
        }
        return std::make_pair(rank, order);
    };
    std::stable_sort(parts.begin(), parts.end(),
                     [&](const auto& l, const auto& r) { return key(l) < key(r); });
    return parts;
}

using Columns = std::vector<std::vector<std::size_t>>;

// Each rank's nodes of one part, in the order that barycentre sweeps leave them.
Columns ordered_columns(const Graph& g, const std::vector<std::size_t>& part, const Adjacency& a,
                        int iterations) {
    int most = 0;
    for (std::size_t v : part) most = std::max(most, g.nodes[v].rank);
    Columns cols(static_cast<std::size_t>(most) + 1);
    for (std::size_t v : part) cols[static_cast<std::size_t>(g.nodes[v].rank)].push_back(v);
    for (auto& col : cols)
        std::stable_sort(col.begin(), col.end(), [&](std::size_t l, std::size_t r) {
            return g.nodes[l].order < g.nodes[r].order;
        });
    std::vector<double> position(g.nodes.size(), 0);
    const auto number = [&](const std::vector<std::size_t>& col) {
        for (std::size_t i = 0; i < col.size(); ++i) position[col[i]] = static_cast<double>(i);
    };
    for (const auto& col : cols) number(col);
    const auto sort_by = [&](std::vector<std::size_t>& col,
                             const std::vector<std::vector<std::size_t>>& neighbours) {
        std::vector<std::pair<std::pair<double, std::size_t>, std::size_t>> keyed;
        keyed.reserve(col.size());
        for (std::size_t v : col) {
            double sum = 0;
            for (std::size_t n : neighbours[v]) sum += position[n];
            const double centre = neighbours[v].empty()
                                      ? position[v]
                                      : sum / static_cast<double>(neighbours[v].size());
            keyed.push_back({{centre, g.nodes[v].order}, v});
        }
        std::stable_sort(keyed.begin(), keyed.end(),
                         [](const auto& l, const auto& r) { return l.first < r.first; });
        for (std::size_t i = 0; i < col.size(); ++i) col[i] = keyed[i].second;
        number(col);
    };
    for (int pass = 0; pass < iterations; ++pass) {
        for (std::size_t r = 1; r < cols.size(); ++r) sort_by(cols[r], a.in);
        for (std::size_t r = cols.size() - 1; r-- > 0;) sort_by(cols[r], a.out);
    }
    return cols;
}

// Stacks each column of one part row_spacing apart, centred in the part's band from `top`;
// returns the band's height.
double stack_part(Graph& g, const Columns& cols, const std::vector<double>& column_x,
                  const std::vector<double>& column_width, double top, double row_spacing) {
    std::vector<double> heights(cols.size(), 0);
    double tallest = 0;
    for (std::size_t r = 0; r < cols.size(); ++r) {
        if (cols[r].empty()) continue;
        for (std::size_t v : cols[r])
            heights[r] += g.nodes[v].room_above + g.nodes[v].height + g.nodes[v].room_below;
        heights[r] += row_spacing * static_cast<double>(cols[r].size() - 1);
        tallest = std::max(tallest, heights[r]);
    }
    for (std::size_t r = 0; r < cols.size(); ++r) {
        double y = top + std::trunc((tallest - heights[r]) / 2);
        for (std::size_t v : cols[r]) {
            Node& n = g.nodes[v];
            n.x = column_x[r] + std::trunc((column_width[r] - n.width) / 2);
            n.y = y + n.room_above;
            y = n.y + n.height + n.room_below + row_spacing;
        }
        if (!cols[r].empty()) tallest = std::max(tallest, y - top - row_spacing);
    }
    return tallest;
}

// Moves a node level with its one neighbour when neither has another (a chain stays straight),
// first from the inputs forwards, then backwards; within a column, nodes keep their order and
// stay row_spacing apart.
void straighten(Graph& g, const Adjacency& a, double row_spacing) {
    std::map<int, std::vector<std::size_t>> by_rank;
    for (std::size_t v = 0; v < g.nodes.size(); ++v) by_rank[g.nodes[v].rank].push_back(v);
    const auto centre = [&](std::size_t v) {
        return g.nodes[v].y + (g.nodes[v].height + g.nodes[v].de) / 2;
    };
    const auto set_centre = [&](std::size_t v, double c) {
        g.nodes[v].y = std::trunc(c - (g.nodes[v].height + g.nodes[v].de) / 2);
    };
    const auto separate = [&](std::vector<std::size_t>& col) {
        std::stable_sort(col.begin(), col.end(), [&](std::size_t l, std::size_t r) {
            return g.nodes[l].y - g.nodes[l].room_above < g.nodes[r].y - g.nodes[r].room_above;
        });
        for (std::size_t i = 1; i < col.size(); ++i) {
            const Node& prev = g.nodes[col[i - 1]];
            Node& cur = g.nodes[col[i]];
            cur.y = std::max(cur.y,
                             prev.y + prev.height + prev.room_below + row_spacing + cur.room_above);
        }
    };
    for (auto& [rank, col] : by_rank) {
        for (std::size_t v : col)
            if (a.in[v].size() == 1 && a.out[a.in[v][0]].size() == 1)
                set_centre(v, centre(a.in[v][0]));
        separate(col);
    }
    for (auto it = by_rank.rbegin(); it != by_rank.rend(); ++it) {
        for (std::size_t v : it->second)
            if (a.out[v].size() == 1 && a.in[a.out[v][0]].size() == 1)
                set_centre(v, centre(a.out[v][0]));
        separate(it->second);
    }
}

}  // namespace

void place_nodes(Graph& g, const Options& options) {
    if (g.nodes.empty()) return;
    const Adjacency a = adjacency(g);
    int most = 0;
    for (const Node& n : g.nodes) most = std::max(most, n.rank);
    std::vector<double> column_width(static_cast<std::size_t>(most) + 1, 0);
    for (const Node& n : g.nodes)
        column_width[static_cast<std::size_t>(n.rank)] =
            std::max({column_width[static_cast<std::size_t>(n.rank)], n.width, n.caption_width});
    std::vector<double> column_x(column_width.size(), 0);
    double x = options.padding;
    for (std::size_t r = 0; r < column_width.size(); ++r) {
        column_x[r] = x;
        x += column_width[r] + options.column_spacing;
    }
    const int iterations = static_cast<int>(options.layout_iterations);
    double top = options.padding;
    for (const auto& part : components(g, a)) {
        const Columns cols = ordered_columns(g, part, a, iterations);
        const double height = stack_part(g, cols, column_x, column_width, top, options.row_spacing);
        if (height > 0) top += height + options.component_spacing;
    }
    straighten(g, a, options.row_spacing);
}

}  // namespace strata::layout::functional
