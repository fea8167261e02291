#include <boost/test/unit_test.hpp>

#include "shape_fixture.hpp"

using namespace strata;
using namespace strata::testing;
using namespace std::string_literals;

BOOST_AUTO_TEST_SUITE(shape_rules_reshaping)

BOOST_AUTO_TEST_CASE(flatten_multiplies_the_sample_axes) {
    BOOST_TEST(infer_shape("Flatten", {}, {{N, 7, 7, 512}}) == (Shape{N, 25088}));
}

BOOST_AUTO_TEST_CASE(flatten_accepts_a_2d_input_as_is) {
    BOOST_TEST(infer_shape("Flatten", {}, {{N, 1000}}) == (Shape{N, 1000}));
}

BOOST_AUTO_TEST_CASE(flatten_of_an_unknown_axis_is_unknown) {
    BOOST_TEST(infer_shape("Flatten", {}, {{N, N, 4}}) == (Shape{N, N}));
}

BOOST_AUTO_TEST_CASE(reshape_resolves_minus_one_from_the_input_size) {
    BOOST_TEST(infer_shape("Reshape", {{"target_shape", Ints{-1, 32}}}, {{N, 256}}) ==
               (Shape{N, 8, 32}));
    BOOST_TEST(infer_shape("Reshape", {{"target_shape", Ints{1, 1, 32}}}, {{N, 32}}) ==
               (Shape{N, 1, 1, 32}));
}

BOOST_AUTO_TEST_CASE(reshape_minus_one_of_an_unknown_input_stays_unknown) {
    BOOST_TEST(infer_shape("Reshape", {{"target_shape", Ints{-1, 4}}}, {{N, N, 4}}) ==
               (Shape{N, N, 4}));
}

BOOST_AUTO_TEST_CASE(permute_reorders_the_sample_axes) {
    BOOST_TEST(infer_shape("Permute", {{"dims", Ints{2, 1}}}, {{N, 10, 64}}) == (Shape{N, 64, 10}));
}

BOOST_AUTO_TEST_CASE(repeat_vector_adds_a_time_axis) {
    BOOST_TEST(infer_shape("RepeatVector", {{"n", std::int64_t{5}}}, {{N, 32}}) ==
               (Shape{N, 5, 32}));
}

BOOST_AUTO_TEST_CASE(zero_padding_forms) {
    BOOST_TEST(infer_shape("ZeroPadding2D", {{"padding", Ints{0, 1, 0, 1}}}, {{N, 112, 112, 32}}) ==
               (Shape{N, 113, 113, 32}));
    BOOST_TEST(infer_shape("ZeroPadding2D", {{"padding", Ints{3, 3}}}, {{N, 224, 224, 3}}) ==
               (Shape{N, 230, 230, 3}));
    BOOST_TEST(infer_shape("ZeroPadding2D", {}, {{N, 4, 4, 3}}) == (Shape{N, 6, 6, 3}));
    BOOST_TEST(infer_shape("ZeroPadding1D", {{"padding", Ints{2, 3}}}, {{N, 10, 3}}) ==
               (Shape{N, 15, 3}));
    BOOST_TEST(infer_shape("ZeroPadding3D", {{"padding", Ints{0, 1, 1}}}, {{N, 8, 14, 14, 512}}) ==
               (Shape{N, 8, 16, 16, 512}));
    BOOST_TEST(infer_shape("ZeroPadding2D",
                           {{"padding", std::int64_t{1}}, {"data_format", "channels_first"s}},
                           {{N, 3, 4, 5}}) == (Shape{N, 3, 6, 7}));
}

BOOST_AUTO_TEST_CASE(cropping_forms) {
    BOOST_TEST(infer_shape("Cropping2D", {{"cropping", Ints{70, 25, 0, 0}}}, {{N, 160, 320, 3}}) ==
               (Shape{N, 65, 320, 3}));
    BOOST_TEST(infer_shape("Cropping1D", {}, {{N, 10, 3}}) == (Shape{N, 8, 3}));
    BOOST_TEST(infer_shape("Cropping3D", {{"cropping", std::int64_t{2}}}, {{N, 10, 10, 10, 1}}) ==
               (Shape{N, 6, 6, 6, 1}));
}

BOOST_AUTO_TEST_CASE(upsampling_multiplies_spatial_axes) {
    BOOST_TEST(infer_shape("UpSampling2D", {{"size", Ints{2, 2}}}, {{N, 16, 16, 64}}) ==
               (Shape{N, 32, 32, 64}));
    BOOST_TEST(infer_shape("UpSampling1D", {{"size", std::int64_t{3}}}, {{N, 5, 2}}) ==
               (Shape{N, 15, 2}));
    BOOST_TEST(infer_shape("UpSampling3D", {}, {{N, 2, 3, 4, 1}}) == (Shape{N, 4, 6, 8, 1}));
    BOOST_TEST(infer_shape("UpSampling2D", {{"data_format", "channels_first"s}}, {{N, 1, 3, 4}}) ==
               (Shape{N, 1, 6, 8}));
}

BOOST_AUTO_TEST_CASE(resizing_keeps_batch_and_channels) {
    BOOST_TEST(infer_shape("Resizing", {{"height", std::int64_t{32}}, {"width", std::int64_t{30}}},
                           {{N, 124, 129, 1}}) == (Shape{N, 32, 30, 1}));
}

BOOST_AUTO_TEST_SUITE_END()
