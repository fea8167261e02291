#include "layout/functional/node_labels.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace strata::layout::functional {

void separate_labels(std::vector<Label>& labels, double canvas_width, double edge, double gap) {
    if (labels.size() < 2) return;
    std::vector<std::size_t> by_top(labels.size());
    std::iota(by_top.begin(), by_top.end(), 0);
    std::stable_sort(by_top.begin(), by_top.end(),
                     [&](std::size_t l, std::size_t r) { return labels[l].y < labels[r].y; });
    std::vector<std::vector<std::size_t>> rows{{by_top[0]}};
    double bottom = labels[by_top[0]].y + labels[by_top[0]].height;
    constexpr double kTolerance = 2;
    for (std::size_t i = 1; i < by_top.size(); ++i) {
        const Label& l = labels[by_top[i]];
        if (l.y <= bottom + kTolerance) {
            rows.back().push_back(by_top[i]);
            bottom = std::max(bottom, l.y + l.height);
        } else {
            rows.push_back({by_top[i]});
            bottom = l.y + l.height;
        }
    }
    const double left = edge, right = std::max(edge, canvas_width - edge);
    const double room = std::max(1.0, right - left);
    for (auto& row : rows) {
        if (row.size() < 2) continue;
        std::stable_sort(row.begin(), row.end(),
                         [&](std::size_t l, std::size_t r) { return labels[l].x < labels[r].x; });
        std::vector<double> widths, xs;
        double needed = gap * static_cast<double>(row.size() - 1);
        for (std::size_t i : row) {
            widths.push_back(std::max(1.0, labels[i].width));
            xs.push_back(labels[i].x);
            needed += widths.back();
        }
        const auto pack = [&] {
            double x = left;
            for (std::size_t i = 0; i < xs.size(); ++i) {
                xs[i] = x;
                x += widths[i] + gap;
            }
        };
        if (needed > room) {
            pack();
        } else {
            xs[0] = std::max(xs[0], left);
            for (std::size_t i = 1; i < xs.size(); ++i)
                xs[i] = std::max(xs[i], xs[i - 1] + widths[i - 1] + gap);
            const double overflow = xs.back() + widths.back() - right;
            if (overflow > 0)
                for (double& x : xs) x -= overflow;
            if (xs[0] < left) pack();
        }
        for (std::size_t i = 0; i < row.size(); ++i) labels[row[i]].x = std::nearbyint(xs[i]);
    }
}

}  // namespace strata::layout::functional
