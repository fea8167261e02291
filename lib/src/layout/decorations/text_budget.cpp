#include "layout/decorations/text_budget.hpp"

#include <string>
#include <variant>

#include "strata/limits.hpp"

namespace strata::layout {

void TextBudget::charge(std::size_t bytes) {
    if (bytes > remaining()) {
        throw TextBudgetExceeded(
            "",
            "the figure's text (captions, legend, group titles and labels together) "
            "is longer than 2 MiB");
    }
    used_ += bytes;
}

void TextBudget::charge_lines(std::size_t lines) {
    if (lines > limits::kMaxFigureTextLines - lines_) {
        throw TextBudgetExceeded("",
                                 "the figure's text (captions, legend, group titles and labels "
                                 "together) has more than " +
                                     std::to_string(limits::kMaxFigureTextLines) + " lines");
    }
    lines_ += lines;
}

void TextBudget::charge(const Group& group) {
    for (const Primitive& item : group.items) {
        if (const auto* run = std::get_if<TextRun>(&item)) {
            charge(run->text.size());
            charge_lines(1);
        }
    }
}

std::size_t TextBudget::remaining() const {
    return limits::kMaxFigureTextBytes - used_;
}

}  // namespace strata::layout
