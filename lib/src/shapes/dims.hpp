#pragma once

#include <optional>

#include "strata/model.hpp"

namespace strata::shapes {

// Dimension arithmetic that stays defined for every input: a negative dimension is unknown and
// makes the result unknown, and a result that would not fit in a Dim is reported as nullopt
// (the caller turns that into a warning) instead of wrapping around.

inline bool is_known(Dim d) {
    return d >= 0;
}

// nullopt on overflow; kUnknownDim when either operand is unknown.
std::optional<Dim> add_dims(Dim a, Dim b);
std::optional<Dim> mul_dims(Dim a, Dim b);

// Plain checked arithmetic on configuration numbers (no unknown handling).
std::optional<std::int64_t> checked_add(std::int64_t a, std::int64_t b);
std::optional<std::int64_t> checked_sub(std::int64_t a, std::int64_t b);
std::optional<std::int64_t> checked_mul(std::int64_t a, std::int64_t b);

}  // namespace strata::shapes
