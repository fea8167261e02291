#include <boost/test/unit_test.hpp>

#include "shape_fixture.hpp"

using namespace strata;
using namespace strata::testing;
using namespace std::string_literals;

BOOST_AUTO_TEST_SUITE(shape_rules_conv)

BOOST_AUTO_TEST_CASE(conv2d_valid_padding_drops_the_kernel) {
    Shape got = infer_shape("Conv2D", {{"filters", std::int64_t{8}}, {"kernel_size", Ints{3, 3}}},
                            {{N, 32, 30, 3}});
    BOOST_TEST(got == (Shape{N, 30, 28, 8}));
}

BOOST_AUTO_TEST_CASE(conv2d_scalar_kernel_is_broadcast) {
    Shape got =
        infer_shape("Conv2D", {{"filters", std::int64_t{4}}, {"kernel_size", std::int64_t{5}}},
                    {{N, 32, 32, 3}});
    BOOST_TEST(got == (Shape{N, 28, 28, 4}));
}

BOOST_AUTO_TEST_CASE(conv2d_same_padding_with_strides_rounds_up) {
    Shape got = infer_shape("Conv2D",
                            {{"filters", std::int64_t{16}},
                             {"kernel_size", Ints{3, 3}},
                             {"strides", Ints{2, 2}},
                             {"padding", "same"s}},
                            {{N, 225, 224, 3}});
    BOOST_TEST(got == (Shape{N, 113, 112, 16}));
}

BOOST_AUTO_TEST_CASE(conv2d_valid_padding_with_strides) {
    // ResNet's stem: 7x7 stride 2 on 230 → floor((230 - 7) / 2) + 1 = 112.
    Shape got = infer_shape(
        "Conv2D",
        {{"filters", std::int64_t{64}}, {"kernel_size", Ints{7, 7}}, {"strides", Ints{2, 2}}},
        {{N, 230, 230, 3}});
    BOOST_TEST(got == (Shape{N, 112, 112, 64}));
}

BOOST_AUTO_TEST_CASE(conv2d_dilation_widens_the_kernel) {
    // A 3x3 kernel dilated by 2 covers 5 pixels.
    Shape got = infer_shape(
        "Conv2D",
        {{"filters", std::int64_t{2}}, {"kernel_size", Ints{3, 3}}, {"dilation_rate", Ints{2, 2}}},
        {{N, 10, 10, 1}});
    BOOST_TEST(got == (Shape{N, 6, 6, 2}));
}

BOOST_AUTO_TEST_CASE(conv2d_channels_first) {
    Shape got = infer_shape("Conv2D",
                            {{"filters", std::int64_t{8}},
                             {"kernel_size", Ints{3, 3}},
                             {"data_format", "channels_first"s}},
                            {{N, 3, 32, 30}});
    BOOST_TEST(got == (Shape{N, 8, 30, 28}));
}

BOOST_AUTO_TEST_CASE(conv_keeps_unknown_spatial_dims_unknown) {
    Shape got = infer_shape("Conv2D", {{"filters", std::int64_t{8}}, {"kernel_size", Ints{3, 3}}},
                            {{N, N, 32, 3}});
    BOOST_TEST(got == (Shape{N, N, 30, 8}));
}

BOOST_AUTO_TEST_CASE(conv1d_causal_keeps_the_length) {
    Shape got = infer_shape("Conv1D",
                            {{"filters", std::int64_t{5}},
                             {"kernel_size", Ints{4}},
                             {"padding", "causal"s},
                             {"dilation_rate", Ints{4}}},
                            {{N, 100, 2}});
    BOOST_TEST(got == (Shape{N, 100, 5}));
}

BOOST_AUTO_TEST_CASE(conv3d_valid) {
    Shape got =
        infer_shape("Conv3D", {{"filters", std::int64_t{64}}, {"kernel_size", Ints{3, 3, 3}}},
                    {{N, 16, 112, 112, 3}});
    BOOST_TEST(got == (Shape{N, 14, 110, 110, 64}));
}

BOOST_AUTO_TEST_CASE(separable_conv_has_conv_geometry) {
    Shape got = infer_shape(
        "SeparableConv2D",
        {{"filters", std::int64_t{128}}, {"kernel_size", Ints{3, 3}}, {"padding", "same"s}},
        {{N, 147, 147, 64}});
    BOOST_TEST(got == (Shape{N, 147, 147, 128}));
}

BOOST_AUTO_TEST_CASE(depthwise_conv_multiplies_channels) {
    Shape got = infer_shape("DepthwiseConv2D",
                            {{"kernel_size", Ints{3, 3}},
                             {"strides", Ints{2, 2}},
                             {"depth_multiplier", std::int64_t{2}}},
                            {{N, 113, 113, 32}});
    BOOST_TEST(got == (Shape{N, 56, 56, 64}));
}

BOOST_AUTO_TEST_CASE(conv2d_transpose_valid_and_same) {
    Shape same = infer_shape("Conv2DTranspose",
                             {{"filters", std::int64_t{16}},
                              {"kernel_size", Ints{3, 3}},
                              {"strides", Ints{2, 2}},
                              {"padding", "same"s}},
                             {{N, 7, 7, 32}});
    BOOST_TEST(same == (Shape{N, 14, 14, 16}));
    // valid: 7 * 2 + max(3 - 2, 0) = 15
    Shape valid = infer_shape(
        "Conv2DTranspose",
        {{"filters", std::int64_t{16}}, {"kernel_size", Ints{3, 3}}, {"strides", Ints{2, 2}}},
        {{N, 7, 7, 32}});
    BOOST_TEST(valid == (Shape{N, 15, 15, 16}));
}

BOOST_AUTO_TEST_CASE(conv2d_transpose_with_output_padding) {
    // (7 - 1) * 2 + 3 - 2 * 1 + 1 = 14
    Shape got = infer_shape("Conv2DTranspose",
                            {{"filters", std::int64_t{1}},
                             {"kernel_size", Ints{3, 3}},
                             {"strides", Ints{2, 2}},
                             {"padding", "same"s},
                             {"output_padding", Ints{1, 1}}},
                            {{N, 7, 7, 32}});
    BOOST_TEST(got == (Shape{N, 14, 14, 1}));
}

BOOST_AUTO_TEST_CASE(conv1d_and_conv3d_transpose) {
    Shape one = infer_shape("Conv1DTranspose",
                            {{"filters", std::int64_t{3}},
                             {"kernel_size", std::int64_t{4}},
                             {"strides", std::int64_t{2}}},
                            {{N, 10, 8}});
    BOOST_TEST(one == (Shape{N, 22, 3}));
    Shape three = infer_shape("Conv3DTranspose",
                              {{"filters", std::int64_t{2}},
                               {"kernel_size", std::int64_t{2}},
                               {"strides", std::int64_t{2}},
                               {"padding", "same"s}},
                              {{N, 4, 5, 6, 8}});
    BOOST_TEST(three == (Shape{N, 8, 10, 12, 2}));
}

BOOST_AUTO_TEST_SUITE_END()
