// The PNG encoder's deflate writer, checked against zlib's own reader.

#include <boost/test/unit_test.hpp>

#include <zlib.h>

#include <algorithm>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "emit/run_length_deflate.hpp"

using strata::emit::RunLengthDeflate;

namespace {

using Bytes = std::vector<unsigned char>;

// zlib's inflate of a whole stream, or nothing when zlib refuses it (bad code, bad checksum).
std::optional<Bytes> inflate_all(const std::string& stream, std::size_t expected_size) {
    Bytes out(expected_size + 1);
    uLongf size = out.size();
    const int status =
        uncompress(out.data(), &size, reinterpret_cast<const Bytef*>(stream.data()), stream.size());
    if (status != Z_OK) return std::nullopt;
    out.resize(size);
    return out;
}

// Bytes like filtered diagram rows (sparse), like text edges (a small alphabet), like repeated
// pixels, or noise.
Bytes sample(std::mt19937& random, std::size_t size, int kind) {
    Bytes bytes(size);
    for (std::size_t i = 0; i < size; ++i) {
        switch (kind) {
            case 0:
                bytes[i] = random() % 40 == 0 ? random() % 256 : 0;
                break;
            case 1:
                bytes[i] = random() % 3;
                break;
            case 2:
                bytes[i] = i % 3 == 0 ? 0x12 : i % 3 == 1 ? 0xF0 : 0x00;
                break;
            default:
                bytes[i] = random() % 256;
        }
    }
    return bytes;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(run_length_deflate)

// Every kind of data, written in pieces of every size (matches reach back across writes).
BOOST_AUTO_TEST_CASE(streams_decode_to_the_bytes_written) {
    std::mt19937 random(11);
    int wrong = 0;
    for (int round = 0; round < 3000; ++round) {
        const std::size_t pixel_bytes = 1 + round % 8;
        RunLengthDeflate deflate(pixel_bytes);
        Bytes all;
        const int pieces = static_cast<int>(random() % 6);
        for (int p = 0; p < pieces; ++p) {
            const std::size_t size = round % 4 == 0 ? random() % 6 : random() % 3000;
            const Bytes piece = sample(random, size, static_cast<int>(random() % 4));
            deflate.write(piece.data(), piece.size());
            all.insert(all.end(), piece.begin(), piece.end());
        }
        const auto back = inflate_all(deflate.finish(), all.size());
        wrong += !back || *back != all;
    }
    BOOST_TEST(wrong == 0);
}

BOOST_AUTO_TEST_CASE(runs_cost_a_few_bits) {
    // A mebibyte of zeros, as an empty area of an image: about 13 bits per 258 bytes.
    const Bytes zeros(4096, 0);
    RunLengthDeflate deflate(3);
    for (int i = 0; i < 256; ++i) deflate.write(zeros.data(), zeros.size());
    const std::string stream = deflate.finish();
    BOOST_TEST(stream.size() < 8000u);
    const auto back = inflate_all(stream, 256 * zeros.size());
    BOOST_TEST_REQUIRE(back.has_value());
    BOOST_TEST(back->size() == 256 * zeros.size());
    BOOST_TEST(std::count(back->begin(), back->end(), 0) == static_cast<long>(back->size()));

    // One repeated pixel, as the top edge of a box in an Up-filtered row: a match one pixel back.
    std::mt19937 random(3);
    const Bytes pixels = sample(random, 30000, 2);
    RunLengthDeflate by_pixel(3);
    by_pixel.write(pixels.data(), pixels.size());
    const std::string pixel_stream = by_pixel.finish();
    BOOST_TEST(pixel_stream.size() < 300u);
    BOOST_TEST((inflate_all(pixel_stream, pixels.size()) == pixels));
}

BOOST_AUTO_TEST_CASE(an_empty_stream_is_valid) {
    RunLengthDeflate deflate(4);
    deflate.write(nullptr, 0);
    const auto back = inflate_all(deflate.finish(), 0);
    BOOST_TEST_REQUIRE(back.has_value());
    BOOST_TEST(back->empty());
}

BOOST_AUTO_TEST_CASE(pixel_sizes_past_eight_bytes_are_refused) {
    BOOST_CHECK_THROW(RunLengthDeflate(0), std::invalid_argument);
    BOOST_CHECK_THROW(RunLengthDeflate(9), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
