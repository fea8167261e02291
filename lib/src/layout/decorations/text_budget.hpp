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

// The text one figure may hold, all its lines together (limits::kMaxFigureTextBytes and
// limits::kMaxFigureTextLines). Text
// is counted where it is made, before it is measured or shaped: captions as their templates
// are filled, other lines as their groups are built.
class TextBudget {
  public:
    // Counts `bytes` more text. Throws strata::Error once the figure would hold more than
    // the limit.
    void charge(std::size_t bytes);
    // Counts `lines` more lines of text (limits::kMaxFigureTextLines). Throws strata::Error
    // once the figure would hold more.
    void charge_lines(std::size_t lines);
    // Counts the text runs of `group`, their bytes and one line each.
    void charge(const Group& group);
    // How many more bytes the figure may hold.
    std::size_t remaining() const;

  private:
    std::size_t used_ = 0;
    std::size_t lines_ = 0;
};

}  // namespace strata::layout
