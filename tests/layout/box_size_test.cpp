// Box sizes of every sizing mode against the worked values of §2.7 of the layered-view
// reference (defaults: scale_xy 4, scale_z 1.5, min 20/20, max 2000/400).

#include <boost/test/unit_test.hpp>

#include "layout/layered/box_size.hpp"

using namespace strata;
using layout::BoxSize;

namespace {

BoxSize size_of(const std::vector<double>& dims, const Options& o) {
    return layout::box_size(dims, layout::size_limits(o), o);
}

void check(const BoxSize& got, double x, double y, double z) {
    BOOST_TEST(got.x == x);
    BOOST_TEST(got.y == y);
    BOOST_TEST(got.z == z);
}

Options mode(const std::string& name, bool compat = true) {
    Options o;
    o.sizing_mode = *choice_named<SizingMode>(name);
    o.compat_visualkeras = compat;
    return o;
}

Options vertical(Options o) {
    o.one_dim_orientation = strata::Axis::y;
    return o;
}

// The library's own unit-test settings.
Options common(const std::string& name) {
    Options o = mode(name);
    o.scale_z = 1;
    o.scale_xy = 1;
    o.max_z = 100;
    o.max_xy = 200;
    o.min_z = 5;
    o.min_xy = 7;
    return o;
}

}  // namespace

BOOST_AUTO_TEST_CASE(accurate_worked_values) {
    Options o = mode("accurate");
    check(size_of({12, 12, 3}, o), 48, 48, 20);
    check(size_of({6, 6, 8}, o), 24, 24, 20);
    check(size_of({288}, o), 20, 20, 400);
    check(size_of({288}, vertical(o)), 20, 1152, 20);
    check(size_of({3}, o), 20, 20, 20);
    check(size_of({224, 224, 64}, o), 896, 896, 96);
    check(size_of({49284, 512}, o), 2000, 2000, 400);
    check(size_of({100, 64}, o), 400, 256, 96);
    check(size_of({8, 8, 8, 16}, o), 32, 32, 192);
    check(size_of({64}, o), 20, 20, 96);
    check(size_of({}, o), 20, 20, 20);
}

BOOST_AUTO_TEST_CASE(balanced_worked_values) {
    Options o = mode("balanced");
    check(size_of({12, 12, 3}, o), 48, 48, 20);
    check(size_of({288}, o), 20, 20, 259);
    check(size_of({288}, vertical(o)), 20, 691, 20);
    check(size_of({224, 224, 64}, o), 537, 537, 96);
    check(size_of({49284, 512}, o), 281, 1228, 20);
    check(size_of({100, 64}, o), 240, 256, 20);
    check(size_of({8, 8, 8, 16}, o), 32, 32, 20);
}

BOOST_AUTO_TEST_CASE(capped_worked_values) {
    Options o = mode("capped");
    check(size_of({12, 12, 3}, o), 20, 20, 20);  // visualkeras' minimum cube for rank >= 3
    check(size_of({288}, o), 20, 20, 400);
    check(size_of({288}, vertical(o)), 20, 1152, 20);
    check(size_of({49284, 512}, o), 2000, 2000, 20);
    check(size_of({100, 64}, o), 400, 256, 20);
}

BOOST_AUTO_TEST_CASE(capped_draws_conv_tensors_by_default) {
    Options o = mode("capped", false);
    check(size_of({12, 12, 3}, o), 48, 48, 20);
    check(size_of({224, 224, 64}, o), 896, 896, 96);
    Options capped = o;
    capped.dimension_caps = DimensionCaps{50, 300, std::nullopt};
    check(size_of({224, 224, 64}, capped), 300, 300, 50);
}

BOOST_AUTO_TEST_CASE(logarithmic_worked_values) {
    Options o = mode("logarithmic");
    check(size_of({12, 12, 3}, o), 86, 86, 20);
    check(size_of({6, 6, 8}, o), 62, 62, 27);
    check(size_of({288}, o), 20, 20, 73);
    check(size_of({288}, vertical(o)), 20, 196, 20);
    check(size_of({224, 224, 64}, o), 188, 188, 54);
    check(size_of({49284, 512}, o), 375, 216, 20);
    check(size_of({100, 64}, o), 160, 144, 20);
    check(size_of({8, 8, 8, 16}, o), 72, 72, 27);
}

BOOST_AUTO_TEST_CASE(relative_worked_values) {
    Options o = mode("relative");
    check(size_of({12, 12, 3}, o), 240, 240, 60);
    check(size_of({6, 6, 8}, o), 120, 120, 160);
    check(size_of({288}, o), 20, 20, 400);
    check(size_of({288}, vertical(o)), 20, 2000, 20);
    check(size_of({3}, o), 20, 20, 60);
    check(size_of({100, 64}, o), 2000, 1280, 400);
    check(size_of({8, 8, 8, 16}, o), 160, 160, 400);
}

BOOST_AUTO_TEST_CASE(library_unit_goldens) {
    check(size_of({}, common("accurate")), 7, 7, 5);
    check(size_of({12}, vertical(common("accurate"))), 7, 12, 5);
    check(size_of({12}, common("accurate")), 7, 7, 12);
    check(size_of({10, 20}, common("accurate")), 10, 20, 20);
    check(size_of({10, 20, 3}, common("accurate")), 10, 20, 5);
    Options capped = vertical(common("capped"));
    capped.dimension_caps = DimensionCaps{std::nullopt, 30, std::nullopt};
    check(size_of({500}, capped), 7, 30, 5);
    Options capped2 = common("capped");
    capped2.dimension_caps = DimensionCaps{15, 25, std::nullopt};
    check(size_of({10, 40}, capped2), 10, 25, 5);
    Options relative = common("relative");
    relative.relative_base_size = 3;
    check(size_of({8}, relative), 7, 7, 24);
    check(size_of({0}, vertical(relative)), 7, 7, 5);
    relative.relative_base_size = 2;
    check(size_of({4, 5}, relative), 8, 10, 10);
    check(size_of({2, 3, 4}, relative), 7, 7, 8);
    check(size_of({9}, vertical(common("full_range"))), 7, 9, 5);  // unknown mode → accurate
    Options wide = common("capped");
    wide.max_z = 200;
    wide.max_xy = 300;
    wide.dimension_caps = DimensionCaps{40, std::nullopt, std::nullopt};
    check(size_of({999}, wide), 7, 7, 40);
}

BOOST_AUTO_TEST_CASE(x_orientation_draws_one_dim_tensors_as_depth) {
    Options o;
    o.one_dim_orientation = strata::Axis::x;
    check(size_of({288}, o), 1152, 20, 20);
    o.compat_visualkeras = true;  // visualkeras treats x like z
    check(size_of({288}, o), 20, 20, 400);
}
