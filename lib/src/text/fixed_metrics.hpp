#pragma once

#include <map>
#include <string>
#include <string_view>

#include "strata/text_measurer.hpp"

namespace strata {

// A TextMeasurer that answers from a table given at construction, for tests that need the
// exact numbers another program measured (e.g. visualkeras with Pillow's default font).
// Every font spec gets the same answers; a text missing from the table is an error.
class FixedMetrics final : public TextMeasurer {
  public:
    FixedMetrics(std::map<std::string, TextMetrics, std::less<>> table, ResolvedFont font);

    TextMetrics measure(std::string_view text, const FontSpec& font) override;
    ResolvedFont resolve(const FontSpec& font) override;

  private:
    std::map<std::string, TextMetrics, std::less<>> table_;
    ResolvedFont font_;
};

}  // namespace strata
