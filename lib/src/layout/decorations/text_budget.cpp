#include "layout/decorations/text_budget.hpp"

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

void TextBudget::charge(const Group& group) {
    for (const Primitive& item : group.items) {
        if (const auto* run = std::get_if<TextRun>(&item)) charge(run->text.size());
    }
}

std::size_t TextBudget::remaining() const {
    return limits::kMaxFigureTextBytes - used_;
}

}  // namespace strata::layout
