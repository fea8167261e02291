#include "layout/graph/row_breaks.hpp"

#include <algorithm>
#include <limits>

namespace strata::layout::graph {

std::vector<std::size_t> balanced_row_starts(const std::vector<double>& left,
                                             const std::vector<double>& right, double available) {
    const std::size_t items = left.size();
    struct Best {
        std::size_t rows = 0;
        double cost = 0;
        std::size_t from = 0;
    };
    std::vector<Best> best(items + 1);
    for (std::size_t j = 0; j < items; ++j) {
        Best pick{std::numeric_limits<std::size_t>::max(), 0, j};
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (std::size_t i = j + 1; i-- > 0;) {
            lo = std::min(lo, left[i]);
            hi = std::max(hi, right[i]);
            const double w = hi - lo;
            if (w > available && i < j) break;
            const double slack = std::max(0.0, available - w);
            const Best candidate{best[i].rows + 1, best[i].cost + slack * slack, i};
            if (candidate.rows < pick.rows ||
                (candidate.rows == pick.rows && candidate.cost < pick.cost))
                pick = candidate;
        }
        best[j + 1] = pick;
    }
    std::vector<std::size_t> row_start;
    for (std::size_t j = items; j > 0; j = best[j].from) row_start.push_back(best[j].from);
    std::reverse(row_start.begin(), row_start.end());
    return row_start;
}

}  // namespace strata::layout::graph
