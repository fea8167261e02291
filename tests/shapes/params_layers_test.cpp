#include <boost/test/unit_test.hpp>

#include "params_fixture.hpp"

using namespace strata;
using namespace strata::testing;
using namespace std::string_literals;

namespace {

Attrs conv(std::int64_t filters, Ints kernel) {
    return {{"filters", filters}, {"kernel_size", std::move(kernel)}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(param_counts_layers)

BOOST_AUTO_TEST_CASE(dense_kernel_and_bias) {
    BOOST_TEST(params_of("Dense", {{"units", std::int64_t{128}}}, {{N, 784}}) == Count{100480});
    BOOST_TEST(params_of("Dense", {{"units", std::int64_t{128}}, {"use_bias", false}},
                         {{N, 784}}) == Count{100352});
    // On a sequence the same kernel serves every step.
    BOOST_TEST(params_of("Dense", {{"units", std::int64_t{4}}}, {{N, 7, 3}}) == Count{16});
    // LoRA factors: 3·2 + 2·4 beside the frozen 3·4 + 4.
    BOOST_TEST(params_of("Dense", {{"units", std::int64_t{4}}, {"lora_rank", std::int64_t{2}}},
                         {{N, 3}}) == Count{30});
}

BOOST_AUTO_TEST_CASE(convolutions) {
    BOOST_TEST(params_of("Conv2D", conv(32, {3, 3}), {{N, 32, 32, 3}}) == Count{896});
    Attrs first = conv(32, {3, 3});
    first["data_format"] = "channels_first"s;
    BOOST_TEST(params_of("Conv2D", first, {{N, 3, 32, 32}}) == Count{896});
    Attrs grouped = conv(8, {3, 3});
    grouped["groups"] = std::int64_t{2};
    BOOST_TEST(params_of("Conv2D", grouped, {{N, 8, 8, 4}}) == Count{9 * 2 * 8 + 8});
    BOOST_TEST(params_of("Conv1D", conv(32, {5}), {{N, 100, 16}}) == Count{2592});
    BOOST_TEST(params_of("Conv3D", conv(64, {3}), {{N, 16, 16, 16, 3}}) == Count{5248});
    Attrs no_bias = conv(32, {3, 3});
    no_bias["use_bias"] = false;
    BOOST_TEST(params_of("Conv2D", no_bias, {{N, 32, 32, 3}}) == Count{864});
}

BOOST_AUTO_TEST_CASE(transposed_depthwise_and_separable_convolutions) {
    BOOST_TEST(params_of("Conv2DTranspose", conv(32, {3, 3}), {{N, 8, 8, 64}}) == Count{18464});
    BOOST_TEST(params_of("Conv1DTranspose", conv(4, {2}), {{N, 8, 3}}) == Count{2 * 4 * 3 + 4});
    BOOST_TEST(params_of("DepthwiseConv2D", {{"kernel_size", Ints{3, 3}}}, {{N, 16, 16, 32}}) ==
               Count{320});
    BOOST_TEST(params_of("DepthwiseConv2D",
                         {{"kernel_size", Ints{3, 3}}, {"depth_multiplier", std::int64_t{2}}},
                         {{N, 16, 16, 32}}) == Count{640});
    BOOST_TEST(params_of("DepthwiseConv1D", {{"kernel_size", Ints{5}}, {"use_bias", false}},
                         {{N, 20, 8}}) == Count{40});
    BOOST_TEST(params_of("SeparableConv2D", conv(64, {3, 3}), {{N, 16, 16, 32}}) ==
               Count{288 + 2048 + 64});
    Attrs separable = conv(10, {3});
    separable["depth_multiplier"] = std::int64_t{2};
    BOOST_TEST(params_of("SeparableConv1D", separable, {{N, 20, 4}}) ==
               Count{3 * 4 * 2 + 8 * 10 + 10});
}

BOOST_AUTO_TEST_CASE(normalisation_layers) {
    BOOST_TEST(params_of("BatchNormalization", {}, {{N, 8, 8, 64}}) == Count{256});
    BOOST_TEST(params_of("BatchNormalization", {{"axis", std::int64_t{1}}}, {{N, 64, 8, 8}}) ==
               Count{256});
    BOOST_TEST(params_of("BatchNormalization", {{"axis", Ints{3}}, {"center", false}},
                         {{N, 8, 8, 64}}) == Count{192});
    BOOST_TEST(params_of("BatchNormalization", {{"center", false}, {"scale", false}}, {{N, 10}}) ==
               Count{20});
    BOOST_TEST(params_of("LayerNormalization", {}, {{N, 5, 64}}) == Count{128});
    BOOST_TEST(params_of("LayerNormalization", {{"scale", false}}, {{N, 5, 64}}) == Count{64});
    BOOST_TEST(params_of("LayerNormalization", {{"axis", Ints{1, 2}}}, {{N, 5, 6}}) == Count{60});
    BOOST_TEST(params_of("LayerNormalization", {{"rms_scaling", true}}, {{N, 5, 64}}) == Count{64});
    BOOST_TEST(params_of("GroupNormalization", {{"groups", std::int64_t{4}}}, {{N, 8, 8, 16}}) ==
               Count{32});
    // Mean, variance and the sample count, none trainable.
    BOOST_TEST(params_of("Normalization", {}, {{N, 10}}) == Count{21});
    BOOST_TEST(params_of("Normalization", {{"mean", std::vector<double>{1.0}}}, {{N, 10}}) ==
               Count{0});
}

BOOST_AUTO_TEST_CASE(embedding_prelu_and_attention) {
    BOOST_TEST(params_of("Embedding",
                         {{"input_dim", std::int64_t{10000}}, {"output_dim", std::int64_t{128}}},
                         {{N, 50}}) == Count{1280000});
    BOOST_TEST(params_of("PReLU", {}, {{N, 32, 32, 16}}) == Count{16384});
    BOOST_TEST(params_of("PReLU", {{"shared_axes", Ints{1, 2}}}, {{N, 32, 32, 16}}) == Count{16});
    // Four projections 32 → 2 heads × 16 (and back), each with a bias.
    const Attrs heads{{"num_heads", std::int64_t{2}}, {"key_dim", std::int64_t{16}}};
    BOOST_TEST(params_of("MultiHeadAttention", heads, {{N, 10, 32}, {N, 10, 32}}) ==
               Count{4 * (32 * 32 + 32)});
    Attrs cross = heads;
    cross["value_dim"] = std::int64_t{8};
    cross["output_shape"] = std::int64_t{6};
    cross["use_bias"] = false;
    BOOST_TEST(params_of("MultiHeadAttention", cross, {{N, 10, 32}, {N, 4, 12}}) ==
               Count{32 * 32 + 12 * 32 + 12 * 16 + 16 * 6});
    BOOST_TEST(params_of("Attention", {}, {{N, 10, 32}, {N, 4, 32}}) == Count{0});
    BOOST_TEST(params_of("Attention", {{"use_scale", true}, {"score_mode", "concat"s}},
                         {{N, 10, 32}, {N, 4, 32}}) == Count{2});
    BOOST_TEST(params_of("AdditiveAttention", {}, {{N, 10, 32}, {N, 4, 32}}) == Count{32});
}

BOOST_AUTO_TEST_CASE(layers_without_weights) {
    for (const char* type : {"Activation", "Dropout", "Flatten", "ReLU", "Rescaling",
                             "GlobalAveragePooling2D", "ZeroPadding2D", "UpSampling2D"}) {
        BOOST_TEST_CONTEXT(type) {
            BOOST_TEST(params_of(type, {}, {{N, 8, 8, 3}}) == Count{0});
        }
    }
    BOOST_TEST(params_of("MaxPooling2D", {{"pool_size", Ints{2, 2}}}, {{N, 8, 8, 3}}) == Count{0});
    BOOST_TEST(params_of("Add", {}, {{N, 4}, {N, 4}}) == Count{0});
    BOOST_TEST(params_of("Concatenate", {}, {{N, 4}, {N, 4}}) == Count{0});
    BOOST_TEST(params_of("Reshape", {{"target_shape", Ints{2, 2}}}, {{N, 4}}) == Count{0});
    BOOST_TEST(params_of("Resizing", {{"height", std::int64_t{4}}, {"width", std::int64_t{4}}},
                         {{N, 8, 8, 3}}) == Count{0});
}

BOOST_AUTO_TEST_SUITE_END()
