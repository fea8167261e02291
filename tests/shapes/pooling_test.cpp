#include <boost/test/unit_test.hpp>

#include "shape_fixture.hpp"

using namespace strata;
using namespace strata::testing;
using namespace std::string_literals;

BOOST_AUTO_TEST_SUITE(shape_rules_pooling)

BOOST_AUTO_TEST_CASE(max_pooling_strides_default_to_pool_size) {
    BOOST_TEST(infer_shape("MaxPooling2D", {{"pool_size", Ints{2, 2}}}, {{N, 45, 45, 64}}) ==
               (Shape{N, 22, 22, 64}));
}

BOOST_AUTO_TEST_CASE(max_pooling_with_null_strides_uses_pool_size) {
    BOOST_TEST(infer_shape("MaxPooling2D", {{"pool_size", Ints{3, 3}}, {"strides", Ints{-1, -1}}},
                           {{N, 9, 10, 4}}) == (Shape{N, 3, 3, 4}));
}

BOOST_AUTO_TEST_CASE(pooling_same_padding_rounds_up) {
    BOOST_TEST(
        infer_shape("MaxPooling2D",
                    {{"pool_size", Ints{3, 3}}, {"strides", Ints{2, 2}}, {"padding", "same"s}},
                    {{N, 147, 147, 128}}) == (Shape{N, 74, 74, 128}));
}

BOOST_AUTO_TEST_CASE(pooling_1d_and_3d_and_average) {
    BOOST_TEST(infer_shape("MaxPooling1D", {{"pool_size", std::int64_t{4}}}, {{N, 16000, 8}}) ==
               (Shape{N, 4000, 8}));
    BOOST_TEST(infer_shape("MaxPooling3D", {{"pool_size", Ints{1, 2, 2}}},
                           {{N, 16, 112, 112, 64}}) == (Shape{N, 16, 56, 56, 64}));
    BOOST_TEST(infer_shape("AveragePooling2D", {{"pool_size", Ints{2, 2}}, {"strides", Ints{1, 1}}},
                           {{N, 5, 5, 3}}) == (Shape{N, 4, 4, 3}));
}

BOOST_AUTO_TEST_CASE(pooling_channels_first) {
    BOOST_TEST(infer_shape("MaxPooling2D",
                           {{"pool_size", Ints{2, 2}}, {"data_format", "channels_first"s}},
                           {{N, 3, 10, 8}}) == (Shape{N, 3, 5, 4}));
}

BOOST_AUTO_TEST_CASE(global_pooling_drops_or_keeps_spatial_axes) {
    BOOST_TEST(infer_shape("GlobalAveragePooling2D", {}, {{N, 7, 7, 1280}}) == (Shape{N, 1280}));
    BOOST_TEST(infer_shape("GlobalMaxPooling1D", {{"keepdims", true}}, {{N, 50, 16}}) ==
               (Shape{N, 1, 16}));
    BOOST_TEST(infer_shape("GlobalAveragePooling3D", {{"data_format", "channels_first"s}},
                           {{N, 8, 4, 4, 4}}) == (Shape{N, 8}));
    BOOST_TEST(infer_shape("GlobalMaxPooling2D",
                           {{"keepdims", true}, {"data_format", "channels_first"s}},
                           {{N, 8, 4, 4}}) == (Shape{N, 8, 1, 1}));
}

BOOST_AUTO_TEST_SUITE_END()
