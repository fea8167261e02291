#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace strata::emit {

// Writes a zlib stream (RFC 1950) holding one deflate block with the fixed codes (RFC 1951,
// 3.2.6) whose back-references only ever point one byte or one pixel back.
//
// Why not zlib's deflate: the filtered rows of a diagram are about 99 % zeros, and even zlib's
// fastest settings pass every byte through its match finder — for VGG16 at 96 dpi (28 MB of
// rows) 47–57 ms, libdeflate's fastest level 82 ms, most of a PNG's time. Runs found eight bytes
// at a time cost a few milliseconds; the file is about 20 % larger than zlib's run-length mode
// makes it (no Huffman table fitted to the data). zlib still computes the checksum, and reads
// every stream back in the tests.
class RunLengthDeflate {
  public:
    // `pixel_bytes` (1 to 8) is the second distance matches may use: a run of one repeated
    // pixel is a match one pixel back.
    explicit RunLengthDeflate(std::size_t pixel_bytes);

    // Appends the next bytes of the uncompressed data.
    void write(const unsigned char* data, std::size_t size);
    // Ends the stream and returns it whole; nothing may be written after.
    std::string finish();

  private:
    std::size_t match_length(const unsigned char* data, std::size_t pos, std::size_t size,
                             std::size_t distance) const;
    void put(std::uint32_t bits, unsigned count);
    void remember(const unsigned char* data, std::size_t size);

    std::size_t pixel_bytes_;
    std::string out_;
    std::uint64_t bit_buffer_ = 0;
    unsigned bit_count_ = 0;
    // The last bytes of earlier writes, oldest first: matches may reach back into them.
    unsigned char history_[8] = {};
    std::size_t history_size_ = 0;
    std::uint32_t adler_ = 1;
};

}  // namespace strata::emit
