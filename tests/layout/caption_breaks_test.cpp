// Where a caption line breaks when it is wider than the room of its box: after '_', '.', '/',
// '-' or at a space, never inside a word, never leaving a short tail alone.

#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "layout/decorations/caption_breaks.hpp"

using strata::layout::broken_caption_line;

namespace {

// Ten pixels a byte.
double advance(std::string_view piece) {
    return 10.0 * static_cast<double>(piece.size());
}

std::vector<std::string> broken(std::string_view line, double width) {
    return broken_caption_line(line, width, advance);
}

using Lines = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(caption_breaks)

BOOST_AUTO_TEST_CASE(a_line_that_fits_stays_whole) {
    BOOST_TEST(broken("conv2d_1", 80) == Lines{"conv2d_1"});
    BOOST_TEST(broken("flatten", 10) == Lines{"flatten"});  // nowhere to break
}

BOOST_AUTO_TEST_CASE(names_break_after_their_separators) {
    BOOST_TEST(broken("batch_normalization_5", 150) == (Lines{"batch_", "normalization_5"}));
    BOOST_TEST(broken("features.denseblock1.conv", 160) ==
               (Lines{"features.", "denseblock1.conv"}));
    BOOST_TEST(broken("features.denseblock1.conv", 140) ==
               (Lines{"features.", "denseblock1.", "conv"}));
    BOOST_TEST(broken("/layer2/layer2.1/conv1", 100) == (Lines{"/layer2/", "layer2.1/", "conv1"}));
    BOOST_TEST(broken("expanded_conv_depthwise", 100) ==
               (Lines{"expanded_", "conv_", "depthwise"}));
}

BOOST_AUTO_TEST_CASE(spaces_break_and_are_dropped) {
    BOOST_TEST(broken("10 classes of digits", 80) == (Lines{"10", "classes", "of", "digits"}));
    BOOST_TEST(broken("10 classes out", 80) == (Lines{"10", "classes out"}));  // a short tail
    BOOST_TEST(broken("global average pooling", 150) == (Lines{"global average", "pooling"}));
}

BOOST_AUTO_TEST_CASE(a_short_tail_stays_with_its_line) {
    BOOST_TEST(broken("conv2d_1", 30) == Lines{"conv2d_1"});
    BOOST_TEST(broken("max_pooling2d_12", 100) == (Lines{"max_", "pooling2d_12"}));
    // Counted in characters: an en dash is one, though three bytes.
    BOOST_TEST(broken("features.5\u20136", 90) == Lines{"features.5\u20136"});
}

BOOST_AUTO_TEST_SUITE_END()
