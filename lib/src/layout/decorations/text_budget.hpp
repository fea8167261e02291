#pragma once

#include <cstddef>

#include "strata/error.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

// What TextBudget throws: a problem of the model and its options together, not of one option.
class TextBudgetExceeded : public Error {
  public:
    using Error::Error;
};

// The text one figure may hold, all its lines together (limits::kMaxFigureTextBytes). Text
// is counted where it is made, before it is measured or shaped: captions as their templates
// are filled, other lines as their groups are built.
class TextBudget {
  public:
    // Counts `bytes` more text. Throws strata::Error once the figure would hold more than
    // the limit.
    void charge(std::size_t bytes);
    // Counts the text runs of `group`.
    void charge(const Group& group);
    // How many more bytes the figure may hold.
    std::size_t remaining() const;

  private:
    std::size_t used_ = 0;
};

}  // namespace strata::layout
