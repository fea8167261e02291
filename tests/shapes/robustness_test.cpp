#include <boost/test/unit_test.hpp>
#include <limits>

#include "shape_fixture.hpp"

using namespace strata;
using namespace strata::testing;
using namespace std::string_literals;

// Impossible or hostile configurations: the layer's shape becomes unknown, one warning says
// why, and nothing throws.
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
    expect_unknown_with_warning(
        "Conv2D",
        {{"filters", std::int64_t{8}}, {"kernel_size", Ints{3, 3}}, {"strides", Ints{0, 0}}},
        {{N, 8, 8, 1}}, "must be positive");
    expect_unknown_with_warning("Dense", {{"units", std::int64_t{-3}}}, {{N, 8}},
                                "must be positive");
    expect_unknown_with_warning("Dense", {}, {{N, 8}}, "not given");
    expect_unknown_with_warning("Cropping1D", {{"cropping", Ints{5, 5}}}, {{N, 8, 1}},
                                "leaves nothing");
    expect_unknown_with_warning("ZeroPadding2D", {{"padding", Ints{-1, 2}}}, {{N, 8, 8, 1}},
                                "must not be negative");
    expect_unknown_with_warning("Permute", {{"dims", Ints{1, 1}}}, {{N, 3, 4}}, "permutation");
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
