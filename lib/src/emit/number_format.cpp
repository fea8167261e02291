#include "emit/number_format.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "strata/error.hpp"

namespace strata::emit {
namespace {

// Largest |value| * 1000 for which the product is close enough to the exact scaled value
// (error below 2^-13) that the tie test below decides the rounding exactly.
constexpr double kFastScaledLimit = 1099511627776.0;  // 2^40
constexpr double kTieMargin = 1e-3;

void check_finite(double value) {
    if (!std::isfinite(value)) {
        throw Error("", "non-finite coordinate in scene (the layout produced an invalid number)");
    }
}

// Fixed notation through to_chars is exact and locale-independent, so the same double gives
// the same text on every platform.
void append_exact(std::string& out, double value) {
    std::array<char, 400> buffer{};
    auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::fixed, 3);
    if (error != std::errc{}) throw Error("", "number too large for the output");
    std::string_view text(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
    while (text.back() == '0') text.remove_suffix(1);
    if (text.back() == '.') text.remove_suffix(1);
    if (text == "-0") text = "0";
    out += text;
}

// The same text from integer arithmetic: away from a rounding tie, rounding the scaled
// double gives what the exact decimal expansion would.
bool append_fast(std::string& out, double value) {
    const double scaled = value * 1000.0;
    if (!(std::fabs(scaled) < kFastScaledLimit)) return false;
    const double fraction = scaled - std::floor(scaled);
    if (std::fabs(fraction - 0.5) < kTieMargin) return false;
    const std::int64_t thousandths = std::llround(scaled);
    if (thousandths == 0) {
        out += '0';
        return true;
    }
    std::uint64_t magnitude =
        thousandths < 0 ? static_cast<std::uint64_t>(-thousandths) : thousandths;
    std::array<char, 32> buffer{};
    char* end = buffer.data() + buffer.size();
    char* begin = end;
    unsigned decimals = static_cast<unsigned>(magnitude % 1000);
    magnitude /= 1000;
    if (decimals != 0) {
        int digits = 3;
        while (decimals % 10 == 0) decimals /= 10, --digits;
        for (int i = 0; i < digits; ++i, decimals /= 10)
            *--begin = static_cast<char>('0' + decimals % 10);
        *--begin = '.';
    }
    do {
        *--begin = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (thousandths < 0) *--begin = '-';
    out.append(begin, end);
    return true;
}

}  // namespace

void append_number(std::string& out, double value) {
    check_finite(value);
    if (!append_fast(out, value)) append_exact(out, value);
}

std::string format_number(double value) {
    std::string text;
    append_number(text, value);
    return text;
}

double round_number(double value) {
    const std::string text = format_number(value);
    double rounded = 0;
    std::from_chars(text.data(), text.data() + text.size(), rounded);
    return rounded;
}

}  // namespace strata::emit
