#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace strata::layout {

// The random numbers of Python's random.Random(seed) for a non-negative integer seed: the
// Mersenne Twister seeded by init_by_array with the seed's 32-bit words, random() from 53
// bits, choice() by rejection over getrandbits. visualkeras places its patches with these, so
// the same seed gives the same figure here.
class PythonRandom {
  public:
    explicit PythonRandom(std::uint64_t seed);
    double random();
    // A uniform index below n (n > 0), as Python's _randbelow.
    std::size_t below(std::size_t n);

  private:
    std::uint32_t next();
    std::uint32_t bits(int k);  // getrandbits(k), 1 <= k <= 32
    std::array<std::uint32_t, 624> state_{};
    std::size_t index_ = 624;
};

// visualkeras' _stable_seed: the first 8 bytes, big-endian, of the SHA-256 of the base seed's
// decimal text (when there is one) followed by "|part" for each part.
std::uint64_t stable_seed(std::optional<std::int64_t> base, const std::vector<std::string>& parts);

}  // namespace strata::layout
