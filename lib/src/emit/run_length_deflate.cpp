#include "emit/run_length_deflate.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <stdexcept>

namespace strata::emit {
namespace {

constexpr std::size_t kMinMatch = 3;
constexpr std::size_t kMaxMatch = 258;

// A Huffman code ready for a stream written least significant bit first: deflate sends the
// code's bits from the most significant one, so they are stored reversed.
struct Code {
    std::uint32_t bits = 0;
    unsigned count = 0;
};

constexpr std::uint32_t reversed(std::uint32_t code, unsigned count) {
    std::uint32_t out = 0;
    for (unsigned i = 0; i < count; ++i) out |= ((code >> i) & 1u) << (count - 1 - i);
    return out;
}

// The fixed literal/length code (RFC 1951, 3.2.6).
constexpr Code fixed_code(unsigned symbol) {
    if (symbol < 144) return {reversed(0x30 + symbol, 8), 8};
    if (symbol < 256) return {reversed(0x190 + symbol - 144, 9), 9};
    if (symbol < 280) return {reversed(symbol - 256, 7), 7};
    return {reversed(0xC0 + symbol - 280, 8), 8};
}

constexpr auto kLiterals = [] {
    std::array<Code, 256> table{};
    for (unsigned v = 0; v < 256; ++v) table[v] = fixed_code(v);
    return table;
}();

// Each match length's symbol with its extra bits appended, as one code (RFC 1951, 3.2.5).
constexpr auto kLengths = [] {
    constexpr std::array<unsigned, 29> base = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                               15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                               67, 83, 99, 115, 131, 163, 195, 227, 258};
    constexpr std::array<unsigned, 29> extra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    std::array<Code, kMaxMatch + 1> table{};
    for (unsigned length = kMinMatch; length <= kMaxMatch; ++length) {
        unsigned i = 28;
        while (base[i] > length) --i;
        const Code symbol = fixed_code(257 + i);
        table[length] = {symbol.bits | ((length - base[i]) << symbol.count),
                         symbol.count + extra[i]};
    }
    return table;
}();

// Distances 1 to 4 are distance codes 0 to 3 (five bits, no extra bits); 5 to 8 need an extra bit.
constexpr Code distance_code(std::size_t distance) {
    if (distance <= 4) return {reversed(static_cast<std::uint32_t>(distance - 1), 5), 5};
    const std::uint32_t symbol = distance <= 6 ? 4 : 5;
    const std::uint32_t base = distance <= 6 ? 5 : 7;
    return {reversed(symbol, 5) | (static_cast<std::uint32_t>(distance - base) << 5), 6};
}

// zlib's adler32 restarts from 1 when handed a null pointer (an empty vector's data).
std::uint32_t adler_update(std::uint32_t adler, const unsigned char* data, std::size_t size) {
    return size == 0 ? adler : static_cast<std::uint32_t>(adler32_z(adler, data, size));
}

// The Adler-32 of `length` zero bytes: only the second sum grows.
std::uint32_t adler_of_zeros(std::size_t length) {
    return static_cast<std::uint32_t>((length % 65521) << 16 | 1);
}

}  // namespace

RunLengthDeflate::RunLengthDeflate(std::size_t pixel_bytes) : pixel_bytes_(pixel_bytes) {
    if (pixel_bytes < 1 || pixel_bytes > 8) throw std::invalid_argument("pixel size");
    out_ += '\x78';  // deflate, 32 KiB window
    out_ += '\x01';  // fastest level; (0x78 * 256 + 0x01) is a multiple of 31
    put(1, 1);       // the final block
    put(1, 2);       // with the fixed codes
}

void RunLengthDeflate::put(std::uint32_t bits, unsigned count) {
    bit_buffer_ |= static_cast<std::uint64_t>(bits) << bit_count_;
    bit_count_ += count;
    if (bit_count_ >= 32) {
        const char bytes[4] = {static_cast<char>(bit_buffer_), static_cast<char>(bit_buffer_ >> 8),
                               static_cast<char>(bit_buffer_ >> 16),
                               static_cast<char>(bit_buffer_ >> 24)};
        out_.append(bytes, 4);
        bit_buffer_ >>= 32;
        bit_count_ -= 32;
    }
}

// How many bytes from `pos` on repeat the bytes `distance` before them (at most kMaxMatch,
// not past `size`); bytes before `data` come from the history of earlier writes.
std::size_t RunLengthDeflate::match_length(const unsigned char* data, std::size_t pos,
                                           std::size_t size, std::size_t distance) const {
    const std::size_t limit = std::min(kMaxMatch, size - pos);
    std::size_t length = 0;
    for (; length < limit && pos + length < distance; ++length) {
        const std::size_t back = distance - pos - length;  // bytes before `data`
        if (back > history_size_) return length;
        if (data[pos + length] != history_[history_size_ - back]) return length;
    }
    if constexpr (std::endian::native == std::endian::little) {
        for (; length + 8 <= limit; length += 8) {
            std::uint64_t here, there;
            std::memcpy(&here, data + pos + length, 8);
            std::memcpy(&there, data + pos + length - distance, 8);
            if (here != there) return length + std::countr_zero(here ^ there) / 8;
        }
    }
    while (length < limit && data[pos + length] == data[pos + length - distance]) ++length;
    return length;
}

void RunLengthDeflate::write(const unsigned char* data, std::size_t size) {
    if (size == 0) return;
    std::size_t pos = 0;
    std::size_t unsummed = 0;  // where the bytes not yet in the checksum begin
    while (pos < size) {
        const std::size_t byte_run = match_length(data, pos, size, 1);
        const std::size_t pixel_run = pixel_bytes_ > 1 && byte_run < kMaxMatch
                                          ? match_length(data, pos, size, pixel_bytes_)
                                          : 0;
        if (std::max(byte_run, pixel_run) < kMinMatch) {
            const Code literal = kLiterals[data[pos]];
            put(literal.bits, literal.count);
            ++pos;
            continue;
        }
        const bool by_byte = byte_run >= pixel_run;
        const std::size_t length = by_byte ? byte_run : pixel_run;
        const Code code = kLengths[length];
        const Code distance = distance_code(by_byte ? 1 : pixel_bytes_);
        put(code.bits, code.count);
        put(distance.bits, distance.count);
        if (by_byte && data[pos] == 0) {
            adler_ = adler_update(adler_, data + unsummed, pos - unsummed);
            adler_ = static_cast<std::uint32_t>(
                adler32_combine(adler_, adler_of_zeros(length), static_cast<z_off_t>(length)));
            unsummed = pos + length;
        }
        pos += length;
    }
    adler_ = adler_update(adler_, data + unsummed, size - unsummed);
    remember(data, size);
}

void RunLengthDeflate::remember(const unsigned char* data, std::size_t size) {
    constexpr std::size_t capacity = sizeof history_;
    if (size >= capacity) {
        std::memcpy(history_, data + size - capacity, capacity);
        history_size_ = capacity;
        return;
    }
    const std::size_t keep = std::min(history_size_, capacity - size);
    std::memmove(history_, history_ + history_size_ - keep, keep);
    std::memcpy(history_ + keep, data, size);
    history_size_ = keep + size;
}

std::string RunLengthDeflate::finish() {
    put(fixed_code(256).bits, fixed_code(256).count);  // end of block
    while (bit_count_ > 0) {
        out_ += static_cast<char>(bit_buffer_);
        bit_buffer_ >>= 8;
        bit_count_ = bit_count_ > 8 ? bit_count_ - 8 : 0;
    }
    for (int shift = 24; shift >= 0; shift -= 8) out_ += static_cast<char>(adler_ >> shift);
    return std::move(out_);
}

}  // namespace strata::emit
