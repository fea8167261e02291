#include "shapes/dims.hpp"

namespace strata::shapes {

std::optional<std::int64_t> checked_add(std::int64_t a, std::int64_t b) {
    std::int64_t result = 0;
    if (__builtin_add_overflow(a, b, &result)) return std::nullopt;
    return result;
}

std::optional<std::int64_t> checked_sub(std::int64_t a, std::int64_t b) {
    std::int64_t result = 0;
    if (__builtin_sub_overflow(a, b, &result)) return std::nullopt;
    return result;
}

std::optional<std::int64_t> checked_mul(std::int64_t a, std::int64_t b) {
    std::int64_t result = 0;
    if (__builtin_mul_overflow(a, b, &result)) return std::nullopt;
    return result;
}

std::optional<Dim> add_dims(Dim a, Dim b) {
    if (!is_known(a) || !is_known(b)) return kUnknownDim;
    const auto sum = checked_add(a, b);
    return sum ? bounded_dim(*sum) : std::nullopt;
}

std::optional<Dim> mul_dims(Dim a, Dim b) {
    const auto product = mul_counts(a, b);
    return product ? bounded_dim(*product) : std::nullopt;
}

std::optional<Dim> mul_counts(Dim a, Dim b) {
    if (!is_known(a) || !is_known(b)) return kUnknownDim;
    return checked_mul(a, b);
}

}  // namespace strata::shapes
