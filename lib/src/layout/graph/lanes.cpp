#include "layout/graph/lanes.hpp"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <limits>
#include <queue>
#include <tuple>

namespace strata::layout::graph {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

// The extents not placed yet, answering: which is the first (in order) that lies within
// [lo, hi]? A segment tree over the extents sorted by start; each node keeps its extents
// sorted by end with a minimum tree over their indices (kNone once placed).
class FitIndex {
  public:
    explicit FitIndex(const std::vector<Extent>& extents) : extents_(extents) {
        const std::size_t n = extents.size();
        by_start_.resize(n);
        for (std::size_t i = 0; i < n; ++i) by_start_[i] = i;
        std::stable_sort(by_start_.begin(), by_start_.end(), [&](std::size_t a, std::size_t b) {
            return extents[a].first < extents[b].first;
        });
        starts_.resize(n);
        position_.resize(n);
        for (std::size_t p = 0; p < n; ++p) {
            starts_[p] = extents[by_start_[p]].first;
            position_[by_start_[p]] = p;
        }
        size_ = 1;
        while (size_ < n) size_ *= 2;
        nodes_.resize(2 * size_);
        for (std::size_t p = 0; p < n; ++p)
            nodes_[size_ + p].entries = {{end_of(by_start_[p]), by_start_[p]}};
        for (std::size_t k = size_; k-- > 1;) {
            const auto& l = nodes_[2 * k].entries;
            const auto& r = nodes_[2 * k + 1].entries;
            auto& e = nodes_[k].entries;
            e.resize(l.size() + r.size());
            std::merge(l.begin(), l.end(), r.begin(), r.end(), e.begin());
        }
        for (Node& node : nodes_) {
            const std::size_t m = node.entries.size();
            node.tree.assign(2 * m, kNone);
            for (std::size_t j = 0; j < m; ++j) node.tree[m + j] = node.entries[j].second;
            for (std::size_t j = m; j-- > 1;)
                node.tree[j] = std::min(node.tree[2 * j], node.tree[2 * j + 1]);
        }
    }

    // The smallest index of an unplaced extent with lo <= first and second <= hi.
    std::size_t first_within(double lo, double hi) const {
        const std::size_t from = static_cast<std::size_t>(
            std::lower_bound(starts_.begin(), starts_.end(), lo) - starts_.begin());
        std::size_t best = kNone;
        for (std::size_t l = from + size_, r = 2 * size_; l < r; l /= 2, r /= 2) {
            if (l & 1) best = std::min(best, prefix_min(nodes_[l++], hi));
            if (r & 1) best = std::min(best, prefix_min(nodes_[--r], hi));
        }
        return best;
    }

    void remove(std::size_t index) {
        const std::pair<double, std::size_t> key{end_of(index), index};
        for (std::size_t k = size_ + position_[index]; k >= 1; k /= 2) {
            Node& node = nodes_[k];
            const std::size_t m = node.entries.size();
            std::size_t j = static_cast<std::size_t>(
                                std::lower_bound(node.entries.begin(), node.entries.end(), key) -
                                node.entries.begin()) +
                            m;
            node.tree[j] = kNone;
            for (j /= 2; j >= 1; j /= 2)
                node.tree[j] = std::min(node.tree[2 * j], node.tree[2 * j + 1]);
        }
    }

  private:
    struct Node {
        std::vector<std::pair<double, std::size_t>> entries;  // (end, index), sorted
        std::vector<std::size_t> tree;                        // minimum index, iterative
    };

    double end_of(std::size_t index) const { return extents_[index].second; }

    // The smallest index among a node's entries that end at or before `hi`.
    static std::size_t prefix_min(const Node& node, double hi) {
        const std::size_t m = node.entries.size();
        const std::size_t count =
            static_cast<std::size_t>(std::upper_bound(node.entries.begin(), node.entries.end(),
                                                      std::pair<double, std::size_t>{hi, kNone}) -
                                     node.entries.begin());
        std::size_t best = kNone;
        for (std::size_t l = m, r = m + count; l < r; l /= 2, r /= 2) {
            if (l & 1) best = std::min(best, node.tree[l++]);
            if (r & 1) best = std::min(best, node.tree[--r]);
        }
        return best;
    }

    const std::vector<Extent>& extents_;
    std::vector<std::size_t> by_start_;  // extent indices by start
    std::vector<double> starts_;         // their starts
    std::vector<std::size_t> position_;  // per extent, its place in by_start_
    std::size_t size_ = 1;
    std::vector<Node> nodes_;
};

}  // namespace

std::vector<int> first_fit_lanes(const std::vector<Extent>& extents) {
    const std::size_t n = extents.size();
    std::vector<int> lane(n, 0);
    if (n == 0) return lane;
    FitIndex unplaced(extents);
    constexpr double kInf = std::numeric_limits<double>::infinity();
    // A free stretch of the lane being filled, with the first unplaced extent that fits in it.
    using Gap = std::tuple<std::size_t, double, double>;
    std::size_t left = n;
    for (int current = 1; left > 0; ++current) {
        std::priority_queue<Gap, std::vector<Gap>, std::greater<>> gaps;
        gaps.emplace(unplaced.first_within(-kInf, kInf), -kInf, kInf);
        while (!gaps.empty()) {
            const auto [index, lo, hi] = gaps.top();
            gaps.pop();
            if (index == kNone) continue;
            if (lane[index] != 0) {  // an empty extent on the border of two gaps: taken already
                gaps.emplace(unplaced.first_within(lo, hi), lo, hi);
                continue;
            }
            lane[index] = current;
            unplaced.remove(index);
            --left;
            gaps.emplace(unplaced.first_within(lo, extents[index].first), lo, extents[index].first);
            gaps.emplace(unplaced.first_within(extents[index].second, hi), extents[index].second,
                         hi);
        }
    }
    return lane;
}

}  // namespace strata::layout::graph
