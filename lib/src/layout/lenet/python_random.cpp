#include "layout/lenet/python_random.hpp"

#include <algorithm>

#include "layout/lenet/sha256.hpp"

namespace strata::layout {

namespace {
constexpr std::size_t kN = 624, kM = 397;
}  // namespace

PythonRandom::PythonRandom(std::uint64_t seed) {
    // Python splits the seed into 32-bit words, least significant first; zero is one word.
    std::vector<std::uint32_t> key;
    for (std::uint64_t rest = seed; rest != 0; rest >>= 32)
        key.push_back(static_cast<std::uint32_t>(rest));
    if (key.empty()) key.push_back(0);
    auto& mt = state_;
    mt[0] = 19650218u;
    for (std::size_t i = 1; i < kN; ++i)
        mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + static_cast<std::uint32_t>(i);
    std::size_t i = 1, j = 0;
    for (std::size_t k = std::max(kN, key.size()); k > 0; --k) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] +
                static_cast<std::uint32_t>(j);
        ++i;
        ++j;
        if (i >= kN) {
            mt[0] = mt[kN - 1];
            i = 1;
        }
        if (j >= key.size()) j = 0;
    }
    for (std::size_t k = kN - 1; k > 0; --k) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) -
                static_cast<std::uint32_t>(i);
        ++i;
        if (i >= kN) {
            mt[0] = mt[kN - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u;
    index_ = kN;
}

std::uint32_t PythonRandom::next() {
    auto& mt = state_;
    if (index_ >= kN) {
        constexpr std::uint32_t kUpper = 0x80000000u, kLower = 0x7fffffffu, kMatrix = 0x9908b0dfu;
        for (std::size_t k = 0; k < kN; ++k) {
            const std::uint32_t y = (mt[k] & kUpper) | (mt[(k + 1) % kN] & kLower);
            mt[k] = mt[(k + kM) % kN] ^ (y >> 1) ^ ((y & 1u) ? kMatrix : 0u);
        }
        index_ = 0;
    }
    std::uint32_t y = mt[index_++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

double PythonRandom::random() {
    const std::uint32_t a = next() >> 5, b = next() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

std::uint32_t PythonRandom::bits(int k) {
    return next() >> (32 - k);
}

std::size_t PythonRandom::below(std::size_t n) {
    int k = 0;
    for (std::size_t rest = n; rest != 0; rest >>= 1) ++k;
    k = std::clamp(k, 1, 32);
    std::size_t r = bits(k);
    while (r >= n) r = bits(k);
    return r;
}

std::uint64_t stable_seed(std::optional<std::int64_t> base, const std::vector<std::string>& parts) {
    std::string text = base ? std::to_string(*base) : "";
    for (const std::string& part : parts) text += "|" + part;
    const auto digest = sha256(text);
    std::uint64_t seed = 0;
    for (int i = 0; i < 8; ++i) seed = seed << 8 | digest[static_cast<std::size_t>(i)];
    return seed;
}

}  // namespace strata::layout
