#include <boost/test/unit_test.hpp>
#include <limits>

#include "params_fixture.hpp"
#include "strata/error.hpp"

using namespace strata;
using namespace strata::testing;
using namespace std::string_literals;

namespace {

constexpr std::int64_t kHuge = std::int64_t{1} << 40;

}  // namespace

BOOST_AUTO_TEST_SUITE(param_counts_robustness)

BOOST_AUTO_TEST_CASE(unknowable_layers_stay_unset) {
    BOOST_TEST(params_of("Lambda", {}, {{N, 4}}) == kUnknownCount);
    BOOST_TEST(params_of("PixelShuffler", {}, {{N, 4}}) == kUnknownCount);
    // The weights depend on the feature axis, which is unknown.
    BOOST_TEST(params_of("Dense", {{"units", std::int64_t{3}}}, {{N, N}}) == kUnknownCount);
    BOOST_TEST(params_of("LSTM", {{"units", std::int64_t{3}}}, {{N, 5, N}}) == kUnknownCount);
    BOOST_TEST(params_of("PReLU", {}, {{N, N, 3}}) == kUnknownCount);
    // An unknown axis PReLU shares is not needed.
    BOOST_TEST(params_of("PReLU", {{"shared_axes", Ints{1}}}, {{N, N, 3}}) == Count{3});
}

BOOST_AUTO_TEST_CASE(layers_after_an_unknown_shape) {
    ModelBuilder builder;
    TensorRef in = builder.input("in", {N, 4});
    TensorRef lambda = builder.add("lambda", "Lambda", {in});
    TensorRef dropout = builder.add("dropout", "Dropout", {lambda});
    builder.add("dense", "Dense", {dropout}, {{"units", std::int64_t{2}}});
    Warnings warnings;
    infer_shapes(builder.model(), warnings);
    BOOST_TEST(builder.layer("in").params == Count{0});
    BOOST_TEST(builder.layer("lambda").params == kUnknownCount);
    // Without weights whatever it reads: its count is known although its shape is not.
    BOOST_TEST(builder.layer("dropout").params == Count{0});
    BOOST_TEST(builder.layer("dense").params == kUnknownCount);
}

BOOST_AUTO_TEST_CASE(a_count_given_by_the_file_is_kept) {
    ModelBuilder builder;
    TensorRef in = builder.input("in", {N, 4});
    builder.add("dense", "Dense", {in}, {{"units", std::int64_t{2}}});
    builder.model().layers.back().params = 7;
    Warnings warnings;
    infer_shapes(builder.model(), warnings);
    BOOST_TEST(builder.layer("dense").params == Count{7});
}

BOOST_AUTO_TEST_CASE(group_normalization_groups_of_minus_one_are_one_a_channel) {
    // gamma and beta over the 4 channels.
    BOOST_TEST(params_of("GroupNormalization", {{"groups", std::int64_t{-1}}}, {{N, 8, 8, 4}}) ==
               Count{8});
}

BOOST_AUTO_TEST_CASE(configurations_that_make_no_sense) {
    // Groups that do not divide the channels: no Keras builds the layer, the file is refused.
    BOOST_CHECK_THROW(params_of("Conv2D",
                                {{"filters", std::int64_t{8}},
                                 {"kernel_size", Ints{3, 3}},
                                 {"groups", std::int64_t{3}}},
                                {{N, 8, 8, 4}}),
                      Error);
    BOOST_TEST(params_of("GroupNormalization", {{"groups", std::int64_t{3}}}, {{N, 8, 8, 4}}) ==
               kUnknownCount);
    BOOST_TEST(params_of("BatchNormalization", {{"axis", std::int64_t{0}}}, {{N, 4}}) ==
               kUnknownCount);
    // An axis the input does not have: Keras refuses to build the layer.
    BOOST_CHECK_THROW(params_of("BatchNormalization", {{"axis", std::int64_t{5}}}, {{N, 4}}),
                      Error);
    BOOST_TEST(params_of("LayerNormalization", {{"axis", Ints{-1, 2}}}, {{N, 3, 4}}) ==
               kUnknownCount);
    BOOST_TEST(params_of("PReLU", {{"shared_axes", Ints{0}}}, {{N, 3}}) == kUnknownCount);
    BOOST_TEST(params_of("Embedding", {{"output_dim", std::int64_t{4}}}, {{N, 3}}) ==
               kUnknownCount);
    BOOST_TEST(params_of("GRU", {{"units", std::int64_t{4}}, {"reset_after", "yes"s}},
                         {{N, 3, 2}}) == kUnknownCount);
    BOOST_TEST(params_of("MultiHeadAttention", {{"num_heads", std::int64_t{2}}},
                         {{N, 3, 4}, {N, 3, 4}}) == kUnknownCount);
    BOOST_TEST(params_of("Bidirectional", {{"layer.units", std::int64_t{4}}}, {{N, 3, 2}}) ==
               kUnknownCount);
    BOOST_TEST(params_of("TimeDistributed",
                         {{"layer.class_name", "Mystery"s}, {"layer.units", std::int64_t{4}}},
                         {{N, 3, 2}}) == kUnknownCount);
}

BOOST_AUTO_TEST_CASE(counts_too_large_to_represent) {
    BOOST_TEST(params_of("Dense", {{"units", kHuge}}, {{N, kHuge}}) == kUnknownCount);
    BOOST_TEST(params_of("Embedding", {{"input_dim", kHuge}, {"output_dim", kHuge}}, {{N, 3}}) ==
               kUnknownCount);
    BOOST_TEST(params_of("LSTM", {{"units", kHuge}}, {{N, 3, 2}}) == kUnknownCount);
    BOOST_TEST(params_of("Conv3D", {{"filters", kHuge}, {"kernel_size", Ints{1, 1, 1}}},
                         {{N, 4, 4, 4, kHuge}}) == kUnknownCount);
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    BOOST_TEST(params_of("BatchNormalization", {}, {{N, kMax}}) == kUnknownCount);
    BOOST_TEST(params_of("Dense", {{"units", std::int64_t{1}}}, {{N, kMax}}) == kUnknownCount);
    BOOST_TEST(params_of("Bidirectional",
                         {{"layer.class_name", "SimpleRNN"s}, {"layer.units", kHuge / 2}},
                         {{N, 3, 2}}) == kUnknownCount);
}

BOOST_AUTO_TEST_SUITE_END()
