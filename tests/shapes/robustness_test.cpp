#include <boost/test/unit_test.hpp>
#include <limits>

#include "shape_fixture.hpp"
#include "strata/error.hpp"

using namespace strata;
using namespace strata::testing;
using namespace std::string_literals;

// Hostile configurations and ones strata cannot follow: the layer's shape becomes unknown and
// one warning says why; a configuration no Keras could build is an error naming the layer.
namespace {

void expect_unknown_with_warning(const std::string& type, Attrs attrs,
                                 const std::vector<Shape>& inputs, const std::string& why) {
    SingleLayer result;
    BOOST_CHECK_NO_THROW(result = infer_single(type, std::move(attrs), inputs));
    BOOST_TEST(!result.known, type);
    BOOST_TEST(result.shapes.empty(), type);
    BOOST_REQUIRE_EQUAL(result.warnings.size(), 1u);
    BOOST_TEST(result.warnings[0].layer == "subject");
    BOOST_TEST(result.warnings[0].message.find(why) != std::string::npos,
               "'" << result.warnings[0].message << "' should mention '" << why << "'");
}

// The error a configuration no Keras could build raises, "" when there is none.
std::string impossible(const std::string& type, Attrs attrs, const std::vector<Shape>& inputs) {
    try {
        infer_single(type, std::move(attrs), inputs);
    } catch (const Error& e) {
        return e.message();
    }
    return "";
}

constexpr std::int64_t kHuge = std::int64_t{1} << 40;
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

}  // namespace

BOOST_AUTO_TEST_SUITE(shape_rules_robustness)

BOOST_AUTO_TEST_CASE(kernel_larger_than_input_with_valid_padding) {
    expect_unknown_with_warning("Conv2D",
                                {{"filters", std::int64_t{8}}, {"kernel_size", Ints{5, 5}}},
                                {{N, 3, 3, 1}}, "larger than the input");
    expect_unknown_with_warning("MaxPooling1D", {{"pool_size", std::int64_t{8}}}, {{N, 4, 1}},
                                "larger than the input");
}

BOOST_AUTO_TEST_CASE(reshape_size_mismatch) {
    expect_unknown_with_warning("Reshape", {{"target_shape", Ints{3, 5}}}, {{N, 16}},
                                "cannot reshape");
    expect_unknown_with_warning("Reshape", {{"target_shape", Ints{-1, 5}}}, {{N, 16}},
                                "cannot reshape");
    expect_unknown_with_warning("Reshape", {{"target_shape", Ints{-1, -1}}}, {{N, 16}},
                                "more than one -1");
}

BOOST_AUTO_TEST_CASE(overflowing_products) {
    expect_unknown_with_warning("Flatten", {}, {{N, kHuge, kHuge, kHuge}}, "too large");
    expect_unknown_with_warning("Reshape", {{"target_shape", Ints{kHuge, kHuge, kHuge}}}, {{N, 4}},
                                "too large");
    expect_unknown_with_warning("UpSampling2D", {{"size", Ints{kHuge, kHuge}}},
                                {{N, kHuge, kHuge, 3}}, "exceeds 2^40");
    expect_unknown_with_warning("Conv2DTranspose",
                                {{"filters", std::int64_t{1}},
                                 {"kernel_size", Ints{3, 3}},
                                 {"strides", Ints{kHuge, kHuge}}},
                                {{N, kHuge, kHuge, 1}}, "too large");
    expect_unknown_with_warning("Conv2D",
                                {{"filters", std::int64_t{1}},
                                 {"kernel_size", Ints{kMax, kMax}},
                                 {"dilation_rate", Ints{kMax, kMax}}},
                                {{N, 8, 8, 1}}, "too large");
    expect_unknown_with_warning("ZeroPadding1D", {{"padding", Ints{kMax, kMax}}}, {{N, 8, 1}},
                                "too large");
    expect_unknown_with_warning("Concatenate", {}, {{N, kMax}, {N, kMax}}, "exceeds 2^40");
    expect_unknown_with_warning("Bidirectional",
                                {{"layer.class_name", "LSTM"s}, {"layer.units", kMax}}, {{N, 3, 4}},
                                "exceeds 2^40");
}

BOOST_AUTO_TEST_CASE(zero_and_negative_configuration_values) {
    expect_unknown_with_warning("RepeatVector", {{"n", std::int64_t{-3}}}, {{N, 8}},
                                "must be positive");
    expect_unknown_with_warning("Dense", {}, {{N, 8}}, "not given");
    expect_unknown_with_warning("Cropping1D", {{"cropping", Ints{5, 5}}}, {{N, 8, 1}},
                                "leaves nothing");
    expect_unknown_with_warning("ZeroPadding2D", {{"padding", Ints{-1, 2}}}, {{N, 8, 8, 1}},
                                "must not be negative");
    expect_unknown_with_warning("Permute", {{"dims", Ints{1, 1}}}, {{N, 3, 4}}, "permutation");
}

// Windows, steps and dilations below 1 and groups that do not divide the channels: no Keras
// builds such a layer, so the file is refused, naming the layer and the key.
BOOST_AUTO_TEST_CASE(impossible_windows_and_groups_are_errors_naming_layer_and_key) {
    const Attrs conv = {{"filters", std::int64_t{8}}, {"kernel_size", Ints{3, 3}}};
    const auto with = [](Attrs attrs, const std::string& key, AttrValue value) {
        attrs[key] = std::move(value);
        return attrs;
    };
    BOOST_TEST(impossible("Conv2D", with(conv, "strides", Ints{0, 0}), {{N, 8, 8, 1}}) ==
               "layer 'subject' (Conv2D): 'strides' holds 0, expected 1 or more");
    BOOST_TEST(impossible("Conv2D", with(conv, "dilation_rate", Ints{1, -2}), {{N, 8, 8, 1}}) ==
               "layer 'subject' (Conv2D): 'dilation_rate' holds -2, expected 1 or more");
    BOOST_TEST(impossible("Conv2D", with(conv, "groups", std::int64_t{0}), {{N, 8, 8, 4}}) ==
               "layer 'subject' (Conv2D): 'groups' holds 0, expected 1 or more");
    BOOST_TEST(impossible("Conv2D", with(conv, "groups", std::int64_t{-4}), {{N, 8, 8, 4}}) ==
               "layer 'subject' (Conv2D): 'groups' holds -4, expected 1 or more");
    BOOST_TEST(impossible("Conv2D", with(conv, "groups", std::int64_t{3}), {{N, 8, 8, 6}}) ==
               "layer 'subject' (Conv2D): 'groups' holds 3, which does not divide the filters "
               "(8)");
    BOOST_TEST(impossible("Conv2D", with(conv, "groups", std::int64_t{4}), {{N, 8, 8, 6}}) ==
               "layer 'subject' (Conv2D): 'groups' holds 4, which does not divide the input "
               "channels (6)");
    BOOST_TEST(impossible("Conv2D", with(conv, "groups", std::int64_t{2}), {{N, 8, 8, 6}}) == "");
    BOOST_TEST(impossible("MaxPooling2D", {{"pool_size", Ints{2, 2}}, {"strides", Ints{0, 2}}},
                          {{N, 8, 8, 1}}) ==
               "layer 'subject' (MaxPooling2D): 'strides' holds 0, expected 1 or more");
    BOOST_TEST(impossible("AveragePooling1D", {{"pool_size", std::int64_t{-3}}}, {{N, 8, 1}}) ==
               "layer 'subject' (AveragePooling1D): 'pool_size' holds -3, expected 1 or more");
    BOOST_TEST(impossible("MaxPooling2D", {{"pool_size", Ints{0, 0}}}, {{N, 8, 8, 1}}) ==
               "layer 'subject' (MaxPooling2D): 'pool_size' holds 0, expected 1 or more");
    BOOST_TEST(impossible("UpSampling2D", {{"size", Ints{0, 2}}}, {{N, 8, 8, 1}}) ==
               "layer 'subject' (UpSampling2D): 'size' holds 0, expected 1 or more");
    BOOST_TEST(impossible("DepthwiseConv2D",
                          {{"kernel_size", Ints{3, 3}}, {"depth_multiplier", std::int64_t{0}}},
                          {{N, 8, 8, 2}}) ==
               "layer 'subject' (DepthwiseConv2D): 'depth_multiplier' holds 0, expected 1 or "
               "more");
    // Counts Keras refuses to build below 1, and axes the input does not have.
    BOOST_TEST(impossible("Dense", {{"units", std::int64_t{0}}}, {{N, 8}}) ==
               "layer 'subject' (Dense): 'units' holds 0, expected 1 or more");
    BOOST_TEST(impossible("Dense", {{"units", std::int64_t{-3}}}, {{N, 8}}) ==
               "layer 'subject' (Dense): 'units' holds -3, expected 1 or more");
    BOOST_TEST(impossible("Conv2D", with(conv, "filters", std::int64_t{0}), {{N, 8, 8, 1}}) ==
               "layer 'subject' (Conv2D): 'filters' holds 0, expected 1 or more");
    BOOST_TEST(impossible("LSTM", {{"units", std::int64_t{-1}}}, {{N, 4, 8}}) ==
               "layer 'subject' (LSTM): 'units' holds -1, expected 1 or more");
    BOOST_TEST(impossible("Embedding",
                          {{"input_dim", std::int64_t{10}}, {"output_dim", std::int64_t{0}}},
                          {{N, 4}}) ==
               "layer 'subject' (Embedding): 'output_dim' holds 0, expected 1 or more");
    BOOST_TEST(impossible("BatchNormalization", {{"axis", Ints{9}}}, {{N, 8, 8, 3}}) ==
               "layer 'subject' (BatchNormalization): 'axis' holds 9, outside the 4 axes of its "
               "input [?, 8, 8, 3] (from -4 to 3)");
    BOOST_TEST(impossible("Softmax", {{"axis", std::int64_t{-9}}}, {{N, 8, 8, 3}}) ==
               "layer 'subject' (Softmax): 'axis' holds -9, outside the 4 axes of its input "
               "[?, 8, 8, 3] (from -4 to 3)");
    BOOST_TEST(impossible("LayerNormalization", {{"axis", Ints{1, 2, 3}}}, {{N, 8, 8, 3}}) == "");
    BOOST_TEST(impossible("Softmax", {{"axis", std::int64_t{-4}}}, {{N, 8, 8, 3}}) == "");
    // Keras divides by the square root of key_dim and builds num_heads heads; a flag holds
    // true or false (0 and 1 as some writers store them), not any number.
    BOOST_TEST(impossible("MultiHeadAttention",
                          {{"num_heads", std::int64_t{0}}, {"key_dim", std::int64_t{4}}},
                          {{N, 8, 16}}) ==
               "layer 'subject' (MultiHeadAttention): 'num_heads' holds 0, expected 1 or more");
    BOOST_TEST(impossible("MultiHeadAttention",
                          {{"num_heads", std::int64_t{2}}, {"key_dim", std::int64_t{-1}}},
                          {{N, 8, 16}}) ==
               "layer 'subject' (MultiHeadAttention): 'key_dim' holds -1, expected 1 or more");
    BOOST_TEST(impossible("MultiHeadAttention",
                          {{"num_heads", std::int64_t{2}}, {"key_dim", std::int64_t{4}}},
                          {{N, 8, 16}}) == "");
    BOOST_TEST(
        impossible("GlobalAveragePooling2D", {{"keepdims", std::int64_t{7}}}, {{N, 8, 8, 3}}) ==
        "layer 'subject' (GlobalAveragePooling2D): 'keepdims' holds 7, expected true or "
        "false");
    BOOST_TEST(impossible("GlobalMaxPooling1D", {{"keepdims", std::int64_t{-1}}}, {{N, 8, 3}}) ==
               "layer 'subject' (GlobalMaxPooling1D): 'keepdims' holds -1, expected true or "
               "false");
    BOOST_TEST(impossible("GlobalAveragePooling2D", {{"keepdims", std::int64_t{1}}},
                          {{N, 8, 8, 3}}) == "");
    // Inside a wrapper the wrapper is named.
    BOOST_TEST(impossible("TimeDistributed",
                          {{"layer.class_name", "MaxPooling1D"s}, {"layer.strides", Ints{0}}},
                          {{N, 4, 8, 1}}) ==
               "layer 'subject' (TimeDistributed): 'strides' holds 0, expected 1 or more");
}

BOOST_AUTO_TEST_CASE(wrong_kinds_of_values) {
    expect_unknown_with_warning("Conv2D", {{"filters", "many"s}, {"kernel_size", Ints{3, 3}}},
                                {{N, 8, 8, 1}}, "filters");
    expect_unknown_with_warning("Conv2D",
                                {{"filters", std::int64_t{2}}, {"kernel_size", Ints{3, 3, 3}}},
                                {{N, 8, 8, 1}}, "kernel_size");
    expect_unknown_with_warning(
        "Conv2D",
        {{"filters", std::int64_t{2}}, {"kernel_size", Ints{3, 3}}, {"padding", "sideways"s}},
        {{N, 8, 8, 1}}, "padding");
    expect_unknown_with_warning("Concatenate", {{"axis", std::int64_t{7}}}, {{N, 3}, {N, 3}},
                                "out of range");
}

BOOST_AUTO_TEST_CASE(wrong_input_rank) {
    expect_unknown_with_warning("Conv2D",
                                {{"filters", std::int64_t{2}}, {"kernel_size", Ints{3, 3}}},
                                {{N, 8, 1}}, "4-D input");
    expect_unknown_with_warning("LSTM", {{"units", std::int64_t{2}}}, {{N, 8}}, "3-D input");
}

BOOST_AUTO_TEST_CASE(deeply_nested_wrappers_are_refused) {
    Attrs attrs;
    std::string prefix;
    for (int level = 0; level < 40; ++level) {
        prefix += "layer.";
        attrs[prefix + "class_name"] = "TimeDistributed"s;
    }
    expect_unknown_with_warning("TimeDistributed", attrs, {{N, 3, 4}}, "nested too deeply");
}

BOOST_AUTO_TEST_SUITE_END()
