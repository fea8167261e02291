#pragma once

#include <string>

namespace strata::emit {

// `value` rounded to 3 decimals in plain decimal notation: no trailing zeros, integers without
// ".0", never "-0", never an exponent. Throws strata::Error for NaN or infinity, which can only
// come from a bug before the emitter.
std::string format_number(double value);

// The same text appended to `out`, without a temporary string.
void append_number(std::string& out, double value);

// `value` rounded to 3 decimals, as the same decimal number format_number writes.
double round_number(double value);

}  // namespace strata::emit
