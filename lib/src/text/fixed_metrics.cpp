#include "text/fixed_metrics.hpp"

#include <utility>

#include "strata/error.hpp"
#include "strata/printable.hpp"

namespace strata {

FixedMetrics::FixedMetrics(std::map<std::string, TextMetrics, std::less<>> table, ResolvedFont font)
    : table_(std::move(table)), font_(std::move(font)) {}

TextMetrics FixedMetrics::measure(std::string_view text, const FontSpec& /*font*/) {
    const auto it = table_.find(text);
    if (it == table_.end()) {
        throw Error("", "no fixed text metrics for " + quoted_text(text));
    }
    return it->second;
}

ResolvedFont FixedMetrics::resolve(const FontSpec& /*font*/) {
    return font_;
}

}  // namespace strata
