#include "layout/functional/row_wrap.hpp"

#include <algorithm>
#include <limits>

namespace strata::layout::functional {

void wrap_rows(Graph& g, double row_width, double gap, double column_spacing) {
    if (g.nodes.empty()) return;
    constexpr double kFar = std::numeric_limits<double>::infinity();
    int most = 0;
    for (const Node& n : g.nodes) most = std::max(most, n.rank);
    const auto ranks = static_cast<std::size_t>(most) + 1;
    // Each column's reach across, its nodes and their captions' room included.
    std::vector<double> left(ranks, kFar), right(ranks, -kFar);
    for (const Node& n : g.nodes) {
        const auto r = static_cast<std::size_t>(n.rank);
        const double half_caption = std::max(0.0, (n.caption_width - n.width) / 2);
        left[r] = std::min(left[r], n.x - half_caption);
        right[r] = std::max(right[r], n.x + n.width + half_caption);
    }
    // Rows: runs of columns, each as long as fits.
    std::vector<std::size_t> row_of(ranks, 0), first_rank{0};
    for (std::size_t r = 1; r < ranks; ++r) {
        const std::size_t start = first_rank.back();
        if (right[r] - left[start] > row_width) first_rank.push_back(r);
        row_of[r] = first_rank.size() - 1;
    }
    const std::size_t rows = first_rank.size();
    g.passages = {};
    if (rows == 1) return;

    // Each row's reach down, before it moves.
    std::vector<double> top(rows, kFar), bottom(rows, -kFar);
    for (const Node& n : g.nodes) {
        const std::size_t k = row_of[static_cast<std::size_t>(n.rank)];
        top[k] = std::min(top[k], n.y - n.room_above);
        bottom[k] = std::max(bottom[k], n.y + n.height + n.room_below);
    }
    // The connectors from each row to the next, which pass side by side below it.
    std::vector<double> crossing(rows, 0);
    for (const Edge& e : g.edges) {
        const std::size_t from = row_of[static_cast<std::size_t>(g.nodes[e.src].rank)];
        if (row_of[static_cast<std::size_t>(g.nodes[e.dst].rank)] != from) ++crossing[from];
    }
    std::vector<double> lane(rows, 0);
    for (std::size_t k = 0; k < rows; ++k)
        lane[k] = std::min(4.0, column_spacing / 2 / std::max(1.0, crossing[k]));
    // Row k moves left by its first column's offset from the first row's, and down below row
    // k - 1 and the lanes under it.
    std::vector<double> dx(rows, 0), dy(rows, 0);
    for (std::size_t k = 1; k < rows; ++k) {
        dx[k] = left[first_rank[k]] - left[0];
        dy[k] = (bottom[k - 1] + dy[k - 1]) + gap +
                lane[k - 1] * std::max(0.0, crossing[k - 1] - 1) - top[k];
    }
    for (Node& n : g.nodes) {
        const std::size_t k = row_of[static_cast<std::size_t>(n.rank)];
        n.row = k;
        n.x -= dx[k];
        n.y += dy[k];
    }
    for (std::size_t k = 0; k + 1 < rows; ++k) {
        const std::size_t last = first_rank[k + 1] - 1;
        g.passages.lanes.push_back(static_cast<std::size_t>(crossing[k]));
        g.passages.lane.push_back(lane[k]);
        g.passages.band_y.push_back(bottom[k] + dy[k] + gap / 2);
        g.passages.turn_right.push_back(right[last] - dx[k] + column_spacing / 2);
        g.passages.turn_left.push_back(left[first_rank[k + 1]] - dx[k + 1] - column_spacing / 2);
    }
}

}  // namespace strata::layout::functional
