#include <boost/test/unit_test.hpp>

#include "shape_fixture.hpp"

using namespace strata;
using namespace strata::testing;
using namespace std::string_literals;

BOOST_AUTO_TEST_SUITE(shape_rules_core)

BOOST_AUTO_TEST_CASE(dense_acts_on_the_last_axis) {
    BOOST_TEST(infer_shape("Dense", {{"units", std::int64_t{10}}}, {{N, 128}}) == (Shape{N, 10}));
    BOOST_TEST(infer_shape("Dense", {{"units", std::int64_t{10}}}, {{N, 4, 5, 128}}) ==
               (Shape{N, 4, 5, 10}));
}

BOOST_AUTO_TEST_CASE(embedding_appends_the_vector_axis) {
    BOOST_TEST(infer_shape("Embedding", {{"output_dim", std::int64_t{100}}}, {{N, 200}}) ==
               (Shape{N, 200, 100}));
    BOOST_TEST(infer_shape("Embedding",
                           {{"output_dim", std::int64_t{8}}, {"input_length", std::int64_t{30}}},
                           {{N, N}}) == (Shape{N, 30, 8}));
}

BOOST_AUTO_TEST_CASE(shape_preserving_layers) {
    const Shape input{N, 7, 7, 64};
    for (const char* type : {"Activation", "ReLU", "LeakyReLU", "PReLU", "ELU", "ThresholdedReLU",
                             "Softmax", "BatchNormalization", "LayerNormalization", "Dropout",
                             "SpatialDropout2D", "GaussianNoise", "GaussianDropout", "AlphaDropout",
                             "ActivityRegularization", "Masking", "Rescaling", "Normalization"}) {
        BOOST_TEST(infer_shape(type, {}, {input}) == input, type);
    }
}

BOOST_AUTO_TEST_CASE(lambda_with_output_shape_is_known) {
    BOOST_TEST(infer_shape("Lambda", {{"output_shape", Ints{10, 3}}}, {{N, 30}}) ==
               (Shape{N, 10, 3}));
}

BOOST_AUTO_TEST_CASE(lambda_without_output_shape_is_unknown_with_a_warning) {
    SingleLayer result = infer_single("Lambda", {{"function", "lambda x: x"s}}, {{N, 30}});
    BOOST_TEST(!result.known);
    BOOST_TEST(result.shapes.empty());
    BOOST_REQUIRE(result.warnings.size() == 1u);
    BOOST_TEST(result.warnings[0].layer == "subject");
    BOOST_TEST(result.warnings[0].message.find("Lambda") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(attention_layers_follow_the_query) {
    BOOST_TEST(infer_shape("MultiHeadAttention",
                           {{"num_heads", std::int64_t{4}}, {"key_dim", std::int64_t{128}}},
                           {{N, 49, 1280}, {N, 49, 1280}}) == (Shape{N, 49, 1280}));
    BOOST_TEST(infer_shape("MultiHeadAttention", {{"output_shape", std::int64_t{64}}},
                           {{N, 49, 1280}}) == (Shape{N, 49, 64}));
    BOOST_TEST(infer_shape("Attention", {}, {{N, 40, 256}, {N, 40, 256}}) == (Shape{N, 40, 256}));
    BOOST_TEST(infer_shape("AdditiveAttention", {}, {{N, 10, 16}, {N, 12, 8}}) ==
               (Shape{N, 10, 8}));
}

BOOST_AUTO_TEST_SUITE_END()
