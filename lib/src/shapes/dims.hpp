#pragma once

#include <cstdint>
#include <optional>

#include "strata/limits.hpp"
#include "strata/model.hpp"

namespace strata::shapes {

// Dimension arithmetic that stays defined for every input, shared by the Keras rules and the
// ONNX importer: a negative dimension is unknown and makes the result unknown, and a result
// above limits::kMaxDimension (or one that would not fit in 64 bits) is reported as nullopt,
// which the caller turns into a message naming the layer (kDimensionTooLarge), instead of
// wrapping around or being passed on.

inline constexpr const char* kDimensionTooLarge = "an output dimension exceeds 2^40";

inline bool is_known(Dim d) {
    return d >= 0;
}

// `d` when it is unknown or at most limits::kMaxDimension, else nullopt.
inline std::optional<Dim> bounded_dim(std::int64_t d) {
    if (d > limits::kMaxDimension) return std::nullopt;
    return d;
}

// Output dimensions: nullopt above limits::kMaxDimension; kUnknownDim when either operand is
// unknown.
std::optional<Dim> add_dims(Dim a, Dim b);
std::optional<Dim> mul_dims(Dim a, Dim b);

// Element counts (a product of dimensions may be far above any one dimension): nullopt only
// when the count does not fit in 63 bits; kUnknownDim when either operand is unknown.
std::optional<Dim> mul_counts(Dim a, Dim b);

// Plain checked arithmetic on configuration numbers (no unknown handling).
std::optional<std::int64_t> checked_add(std::int64_t a, std::int64_t b);
std::optional<std::int64_t> checked_sub(std::int64_t a, std::int64_t b);
std::optional<std::int64_t> checked_mul(std::int64_t a, std::int64_t b);

}  // namespace strata::shapes
