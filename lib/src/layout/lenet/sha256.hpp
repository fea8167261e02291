#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace strata::layout {

// The SHA-256 digest of `bytes` (FIPS 180-4): visualkeras derives the seeds of its patch
// placement from one, and the same figure needs the same seeds.
std::array<std::uint8_t, 32> sha256(std::string_view bytes);

}  // namespace strata::layout
