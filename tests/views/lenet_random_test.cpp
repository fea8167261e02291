// The lenet view places its patches with Python's random numbers seeded as visualkeras seeds
// them: these values are Python 3's own (random.Random, hashlib.sha256).

#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <string>

#include "layout/lenet/python_random.hpp"
#include "layout/lenet/sha256.hpp"

using namespace strata::layout;

BOOST_AUTO_TEST_SUITE(lenet_random)

BOOST_AUTO_TEST_CASE(sha256_of_abc_is_the_standard_digest) {
    std::string hex;
    for (std::uint8_t byte : sha256("abc")) {
        char two[3];
        std::snprintf(two, sizeof two, "%02x", byte);
        hex += two;
    }
    BOOST_TEST(hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

BOOST_AUTO_TEST_CASE(stable_seed_is_visualkeras_seed) {
    BOOST_TEST(stable_seed(std::nullopt, {"in", "1", "conv2d"}) == 10831571422847575734ull);
}

BOOST_AUTO_TEST_CASE(random_is_python_random) {
    PythonRandom big(10831571422847575734ull);
    BOOST_TEST(big.random() == 0.8139684994511384);
    BOOST_TEST(big.random() == 0.5639902864013505);
    PythonRandom zero(0);
    BOOST_TEST(zero.random() == 0.8444218515250481);
    // random.Random(5): choice([1, 2]), choice([1, 2, 3]), random()
    PythonRandom five(5);
    BOOST_TEST(five.below(2) == 1u);
    BOOST_TEST(five.below(3) == 2u);
    BOOST_TEST(five.random() == 0.35853551175589526);
}

BOOST_AUTO_TEST_SUITE_END()
