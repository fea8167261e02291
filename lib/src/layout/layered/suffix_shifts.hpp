#pragma once

// Moving every box from some x on to the right, many times over, in near-linear time. While
// the moves are few they are made box by box, so an ordinary figure keeps the exact sums (and
// the row breaks a width fitted to them) it always had. Past a budget, the boxes are sorted by
// their fronts, an order a move keeps (it moves a suffix of it), and the moves are summed over
// that order in a Fenwick tree.

#include <cstddef>
#include <vector>

#include "layout/layered/box_frame.hpp"
#include "layout/layered/drawn_box.hpp"

namespace strata::layout {

class SuffixShifts {
  public:
    SuffixShifts(std::vector<DrawnBox>& boxes, BoxFrame frame);

    // Box `i` where the moves so far put it.
    const DrawnBox& at(std::size_t i);

    // Moves right by `by` every box whose front starts at `from` or later (1e-9 either way).
    void shift_from(double from, double by);

    // Writes every box's place; the boxes are final after it.
    void settle_all();

  private:
    void start_summing();                     // leaves moving box by box
    double shift_of(std::size_t rank) const;  // the sum of the moves of that rank
    double front_of(std::size_t rank);        // where the front of the box of that rank is now

    std::vector<DrawnBox>& boxes_;
    BoxFrame frame_;
    std::size_t moved_ = 0;  // boxes moved one by one so far
    bool summing_ = false;
    std::vector<double> left_;           // per box, where it stood when summing started
    std::vector<std::size_t> by_front_;  // box indices, by their front then
    std::vector<std::size_t> rank_;      // per box, its place in by_front_
    std::vector<double> tree_;           // Fenwick tree over ranks (1-based), of moves
};

}  // namespace strata::layout
