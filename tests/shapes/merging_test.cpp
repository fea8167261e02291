#include <boost/test/unit_test.hpp>

#include "shape_fixture.hpp"

using namespace strata;
using namespace strata::testing;

BOOST_AUTO_TEST_SUITE(shape_rules_merging)

BOOST_AUTO_TEST_CASE(concatenate_sums_the_last_axis_by_default) {
    BOOST_TEST(infer_shape("Concatenate", {}, {{N, 16, 16, 64}, {N, 16, 16, 32}}) ==
               (Shape{N, 16, 16, 96}));
}

BOOST_AUTO_TEST_CASE(concatenate_on_a_given_axis) {
    BOOST_TEST(infer_shape("Concatenate", {{"axis", std::int64_t{1}}}, {{N, 3, 8}, {N, 5, 8}}) ==
               (Shape{N, 8, 8}));
    BOOST_TEST(infer_shape("Concatenate", {{"axis", std::int64_t{-2}}}, {{N, 3, 8}, {N, 5, 8}}) ==
               (Shape{N, 8, 8}));
    BOOST_TEST(infer_shape("Concatenate", {{"axis", std::int64_t{1}}},
                           {{N, 4, 2, 2}, {N, 6, 2, 2}, {N, 1, 2, 2}}) == (Shape{N, 11, 2, 2}));
}

BOOST_AUTO_TEST_CASE(concatenate_with_an_unknown_axis_length) {
    BOOST_TEST(infer_shape("Concatenate", {{"axis", std::int64_t{1}}}, {{N, 3, 8}, {N, N, 8}}) ==
               (Shape{N, N, 8}));
}

BOOST_AUTO_TEST_CASE(concatenate_mismatch_is_unknown_with_a_warning) {
    SingleLayer result = infer_single("Concatenate", {}, {{N, 4, 8}, {N, 5, 8}});
    BOOST_TEST(!result.known);
    BOOST_TEST(result.warnings.size() == 1u);
}

BOOST_AUTO_TEST_CASE(elementwise_merges_broadcast) {
    BOOST_TEST(infer_shape("Add", {}, {{N, 22, 22, 64}, {N, 22, 22, 64}}) ==
               (Shape{N, 22, 22, 64}));
    BOOST_TEST(infer_shape("Multiply", {}, {{N, 112, 112, 32}, {N, 1, 1, 32}}) ==
               (Shape{N, 112, 112, 32}));
    BOOST_TEST(infer_shape("Subtract", {}, {{N, 4, 5}, {N, 5}}) == (Shape{N, 4, 5}));
    BOOST_TEST(infer_shape("Maximum", {}, {{N, 4, N}, {N, 4, 3}}) == (Shape{N, 4, N}));
    for (const char* type : {"Average", "Minimum"}) {
        BOOST_TEST(infer_shape(type, {}, {{N, 3}, {N, 3}, {N, 3}}) == (Shape{N, 3}));
    }
}

BOOST_AUTO_TEST_CASE(elementwise_merge_of_incompatible_shapes_is_unknown) {
    SingleLayer result = infer_single("Add", {}, {{N, 4}, {N, 5}});
    BOOST_TEST(!result.known);
    BOOST_TEST(result.shapes.empty());
    BOOST_TEST(result.warnings.size() == 1u);
}

BOOST_AUTO_TEST_CASE(dot_contracts_the_given_axes) {
    BOOST_TEST(infer_shape("Dot", {{"axes", std::int64_t{1}}}, {{N, 8}, {N, 8}}) == (Shape{N, 1}));
    BOOST_TEST(infer_shape("Dot", {{"axes", Ints{2, 2}}}, {{N, 10, 16}, {N, 12, 16}}) ==
               (Shape{N, 10, 12}));
    BOOST_TEST(infer_shape("Dot", {{"axes", std::int64_t{-1}}}, {{N, 10, 16}, {N, 12, 16}}) ==
               (Shape{N, 10, 12}));
}

BOOST_AUTO_TEST_SUITE_END()
