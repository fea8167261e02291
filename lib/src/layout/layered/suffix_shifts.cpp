#include "layout/layered/suffix_shifts.hpp"

#include <algorithm>
#include <numeric>

namespace strata::layout {
namespace {

// Boxes moved one by one before the moves are summed: a few milliseconds. A figure fitted to
// a width breaks its rows where a box ends within rounding of the width, so a figure below
// this keeps its exact sums, and its rows.
constexpr std::size_t kMovesOneByOne = std::size_t{1} << 22;

}  // namespace

SuffixShifts::SuffixShifts(std::vector<DrawnBox>& boxes, BoxFrame frame)
    : boxes_(boxes), frame_(frame) {}

void SuffixShifts::start_summing() {
    summing_ = true;
    const std::size_t n = boxes_.size();
    left_.resize(n);
    by_front_.resize(n);
    rank_.resize(n);
    tree_.assign(n + 1, 0.0);
    for (std::size_t i = 0; i < n; ++i) left_[i] = boxes_[i].left;
    std::iota(by_front_.begin(), by_front_.end(), std::size_t{0});
    std::stable_sort(by_front_.begin(), by_front_.end(), [&](std::size_t a, std::size_t b) {
        return front_left(boxes_[a], frame_) < front_left(boxes_[b], frame_);
    });
    for (std::size_t r = 0; r < n; ++r) rank_[by_front_[r]] = r;
}

double SuffixShifts::shift_of(std::size_t rank) const {
    double sum = 0;
    for (std::size_t k = rank + 1; k > 0; k -= k & (~k + 1)) sum += tree_[k];
    return sum;
}

double SuffixShifts::front_of(std::size_t rank) {
    return front_left(at(by_front_[rank]), frame_);
}

const DrawnBox& SuffixShifts::at(std::size_t i) {
    if (summing_) boxes_[i].left = left_[i] + shift_of(rank_[i]);
    return boxes_[i];
}

void SuffixShifts::shift_from(double from, double by) {
    if (!summing_ && moved_ + boxes_.size() > kMovesOneByOne) start_summing();
    if (!summing_) {
        moved_ += boxes_.size();
        for (DrawnBox& b : boxes_) {
            if (front_left(b, frame_) >= from - 1e-9) b.left += by;
        }
        return;
    }
    // The fronts stay in rank order (a move moves a suffix of them), so the first rank that
    // starts at `from` or later is found by bisection.
    std::size_t lo = 0, hi = by_front_.size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (front_of(mid) >= from - 1e-9)
            hi = mid;
        else
            lo = mid + 1;
    }
    for (std::size_t k = lo + 1; k < tree_.size(); k += k & (~k + 1)) tree_[k] += by;
}

void SuffixShifts::settle_all() {
    if (!summing_) return;
    for (std::size_t i = 0; i < boxes_.size(); ++i) at(i);
}

}  // namespace strata::layout
