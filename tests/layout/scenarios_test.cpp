// The reference scenarios of visualkeras' layered view (§12 of the layered-view reference):
// in compat mode every box and the canvas must match visualkeras exactly; in the default mode
// the same boxes sit on a canvas that also holds the last back face and a vertical margin.

#include <boost/test/unit_test.hpp>

#include "layout_context.hpp"
#include "reference_model.hpp"
#include "strata/option_table.hpp"

using namespace strata;
using strata::test::check_box;
using strata::test::hex;

namespace {

Scene draw(const Options& options) {
    Warnings warnings;
    FixedMetrics text = pillow_default_font_metrics();
    return test::layered(test::reference_model(), options, text, warnings);
}

Options compat() {
    Options o;
    o.compat_visualkeras = true;
    return o;
}

void check_canvas(const Scene& s, double w, double h) {
    BOOST_TEST(s.width == w);
    BOOST_TEST(s.height == h);
}

// (1) layered_reference: flat, no funnels, InputLayer ignored.
Options reference_options(Options o) {
    o.draw_funnel = false;
    o.draw_volume = false;
    o.type_ignore = {"InputLayer"};
    return o;
}

// (4) layered_3d_default
Options volume_options(Options o) {
    o.type_ignore = {"InputLayer"};
    o.shade_step = 14;
    return o;
}

// (5) layered_3d_reversed
Options reversed_options(Options o) {
    o = volume_options(o);
    o.draw_reversed = true;
    o.padding = 25;
    o.shade_step = 18;
    return o;
}

// (6) layered_index2d_relative
Options relative_options(Options o) {
    o.index_2D = {2};
    o.sizing_mode = strata::SizingMode::relative;
    o.relative_base_size = 6;
    o.dimension_caps = DimensionCaps{140, 220, 260};
    o.type_ignore = {"InputLayer"};
    return o;
}

// (8) layered_ignore_colors
Options ignore_options(Options o) {
    o.type_ignore = {"MaxPooling2D"};
    o.index_ignore = {4};
    o.color_map["Conv2D"] = {hex(0xffb347), hex(0x8c4500)};
    o.color_map["Dense"] = {hex(0x8ecae6), hex(0x023047)};
    o.one_dim_orientation = strata::Axis::y;
    o.spacing = 18;
    o.shade_step = 16;
    return o;
}

// (3) layered_text_name: flat, funnels, captions with the layer names, spacing 15.
Options caption_options(Options o) {
    o.draw_volume = false;
    o.text_callable = strata::TextCallable::name;
    o.spacing = 15;
    return o;
}

// Top-left corner of a caption line as Pillow places it (anchor "la").
std::pair<double, double> caption_origin(const Scene& s, const std::string& id) {
    const Group& g = test::group(s, id);
    BOOST_REQUIRE(g.role == Role::caption);
    BOOST_REQUIRE_EQUAL(g.items.size(), 1u);
    const auto& run = std::get<TextRun>(g.items.front());
    return {run.x, run.y - 10};  // Aileron's ascent is 10 px
}

}  // namespace

BOOST_AUTO_TEST_SUITE(compat_scenarios)

BOOST_AUTO_TEST_CASE(reference_flat) {
    Scene s = draw(reference_options(compat()));
    check_canvas(s, 540, 48);
    check_box(s, "conv", 10, 0, 30, 48, 0);
    check_box(s, "pool", 40, 12, 60, 36, 0);
    check_box(s, "conv2", 70, 12, 90, 36, 0);
    check_box(s, "flatten", 100, 14, 500, 34, 0);
    check_box(s, "dense", 510, 14, 530, 34, 0);
    BOOST_TEST((*test::group(s, "conv").fill == hex(0xffd166)));
    BOOST_TEST((*test::group(s, "pool").fill == hex(0xef476f)));
    BOOST_TEST((*test::group(s, "conv2").fill == hex(0xffd166)));
    BOOST_TEST((*test::group(s, "flatten").fill == hex(0x06d6a0)));
    BOOST_TEST((*test::group(s, "dense").fill == hex(0x118ab2)));
    for (const Group& g : s.groups) BOOST_TEST((g.role == Role::layer));  // no funnels, no captions
}

// (2) layered_compact_preset: show(model, preset='compact', spacing=20), InputLayer drawn.
BOOST_AUTO_TEST_CASE(compact_preset) {
    Options o = compat();
    apply_preset(o, "compact");
    o.spacing = 20;
    Scene s = draw(o);
    check_canvas(s, 617, 64);
    check_box(s, "input", 6, 16, 26, 64, 16);
    check_box(s, "conv", 46, 16, 66, 64, 16);
    check_box(s, "pool", 90, 24, 110, 48, 8);
    check_box(s, "conv2", 130, 24, 150, 48, 8);
    check_box(s, "flatten", 170.667, 25.333, 570.667, 45.333, 6.667);
    check_box(s, "dense", 590.667, 25.333, 610.667, 45.333, 6.667);
    BOOST_TEST((*test::group(s, "input").fill == hex(0xffd166)));
    BOOST_TEST((*test::group(s, "conv").fill == hex(0xef476f)));
    BOOST_TEST((*test::group(s, "pool").fill == hex(0x06d6a0)));
    BOOST_TEST((*test::group(s, "flatten").fill == hex(0x118ab2)));
    BOOST_TEST((*test::group(s, "dense").fill == hex(0x073b4c)));
}

BOOST_AUTO_TEST_CASE(text_name) {
    Scene s = draw(caption_options(compat()));
    check_canvas(s, 603, 60);
    check_box(s, "input", 13, 0, 33, 48, 0);
    check_box(s, "conv", 48, 0, 68, 48, 0);
    check_box(s, "pool", 83, 12, 103, 36, 0);
    check_box(s, "conv2", 118, 12, 138, 36, 0);
    check_box(s, "flatten", 153, 14, 553, 34, 0);
    check_box(s, "dense", 568, 14, 588, 34, 0);
    const std::vector<std::tuple<std::string, double, double>> origins{
        {"input", 10, 48},  {"conv", 46.5, 48},   {"pool", 83.5, 36},
        {"conv2", 114, 36}, {"flatten", 338, 34}, {"dense", 563.5, 34}};
    for (const auto& [name, x, y] : origins) {
        auto [ox, oy] = caption_origin(s, name + "-caption");
        BOOST_TEST(ox == x, name << " caption x");
        BOOST_TEST(oy == y, name << " caption y");
    }
}

BOOST_AUTO_TEST_CASE(volume_default) {
    Scene s = draw(volume_options(compat()));
    check_canvas(s, 545, 64);
    check_box(s, "conv", 10, 16, 30, 64, 16);
    check_box(s, "pool", 44, 24, 64, 48, 8);
    check_box(s, "conv2", 74, 24, 94, 48, 8);
    check_box(s, "flatten", 104.667, 25.333, 504.667, 45.333, 6.667);
    check_box(s, "dense", 514.667, 25.333, 534.667, 45.333, 6.667);
}

BOOST_AUTO_TEST_CASE(volume_reversed) {
    Scene s = draw(reversed_options(compat()));
    check_canvas(s, 566, 64);
    check_box(s, "dense", 520.333, 25.333, 540.333, 45.333, 6.667);
    check_box(s, "flatten", 110.333, 25.333, 510.333, 45.333, 6.667);
    check_box(s, "conv2", 81, 24, 101, 48, 8);
    check_box(s, "pool", 51, 24, 71, 48, 8);
    check_box(s, "conv", 25, 16, 45, 64, 16);
    // Painted last to first, as visualkeras does, so left boxes cover their neighbours' depth.
    std::vector<std::string> order;
    for (const Group& g : s.groups) {
        if (g.role == Role::layer) order.push_back(g.id);
    }
    BOOST_TEST(order == (std::vector<std::string>{"dense", "flatten", "conv2", "pool", "conv"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(index2d_relative) {
    Scene s = draw(relative_options(compat()));
    check_canvas(s, 325, 96);
    check_box(s, "conv", 10, 24, 34, 96, 24);
    check_box(s, "pool", 56, 30, 80, 66, 0);
    check_box(s, "conv2", 84, 36, 132, 72, 12);
    check_box(s, "flatten", 144.667, 41.333, 284.667, 61.333, 6.667);
    check_box(s, "dense", 294.667, 41.333, 314.667, 61.333, 6.667);
}

BOOST_AUTO_TEST_CASE(ignore_and_colors) {
    Scene s = draw(ignore_options(compat()));
    check_canvas(s, 159, 64);
    check_box(s, "input", 10, 16, 30, 64, 16);
    check_box(s, "conv", 48, 16, 68, 64, 16);
    check_box(s, "conv2", 90, 24, 110, 48, 8);
    check_box(s, "dense", 128.667, 25.333, 148.667, 45.333, 6.667);
    BOOST_TEST((*test::group(s, "input").fill == hex(0xffd166)));
    BOOST_TEST((*test::group(s, "conv").fill == hex(0xffb347)));
    BOOST_TEST((*test::group(s, "conv").outline == hex(0x8c4500)));
    BOOST_TEST((*test::group(s, "dense").outline == hex(0x023047)));
    for (const Group& g : s.groups) BOOST_TEST(g.id != "pool");
    for (const Group& g : s.groups) BOOST_TEST(g.id != "flatten");
}

BOOST_AUTO_TEST_SUITE_END()

// The default mode keeps every box where visualkeras puts it relative to its neighbours, but
// the canvas holds the whole last back face (width + its depth) and has `padding` above and below.
BOOST_AUTO_TEST_SUITE(default_canvas)

BOOST_AUTO_TEST_CASE(reference_flat) {
    Scene s = draw(reference_options({}));
    check_canvas(s, 540, 68);
    check_box(s, "conv", 10, 10, 30, 58, 0);
    check_box(s, "dense", 510, 24, 530, 44, 0);
}

BOOST_AUTO_TEST_CASE(text_name) {
    Scene s = draw(caption_options({}));
    // The caption starts a fifth of its font size (2 px) under the box, clear of its outline,
    // and its block holds the font's descent.
    check_canvas(s, 603, 83);
    check_box(s, "input", 13, 10, 33, 58, 0);
    auto [x, y] = caption_origin(s, "input-caption");
    BOOST_TEST(x == 10);
    BOOST_TEST(y == 60);
}

BOOST_AUTO_TEST_CASE(volume_default) {
    Scene s = draw(volume_options({}));
    check_canvas(s, 552, 84);  // 545 + ceil of the last depth 6.667, 64 + 2 × 10
    check_box(s, "conv", 10, 26, 30, 74, 16);
    check_box(s, "dense", 514.667, 35.333, 534.667, 55.333, 6.667);
    const Group& last = test::group(s, "dense");
    BOOST_TEST(last.box->x2 + last.box->de <= s.width - 10 + 0.01);  // back face inside the margin
}

BOOST_AUTO_TEST_CASE(volume_reversed) {
    Scene s = draw(reversed_options({}));
    check_canvas(s, 582, 114);  // the first box's depth reaches left: 16 px more room
    check_box(s, "conv", 41, 41, 61, 89, 16);
    check_box(s, "dense", 536.333, 50.333, 556.333, 70.333, 6.667);
    const Group& first = test::group(s, "conv");
    BOOST_TEST(first.box->x1 - first.box->de == 25);  // back face starts at the margin
}

BOOST_AUTO_TEST_CASE(index2d_relative) {
    Scene s = draw(relative_options({}));
    check_canvas(s, 332, 116);
    check_box(s, "conv", 10, 34, 34, 106, 24);
    check_box(s, "pool", 56, 40, 80, 76, 0);
}

BOOST_AUTO_TEST_CASE(ignore_and_colors) {
    Scene s = draw(ignore_options({}));
    check_canvas(s, 166, 84);
    check_box(s, "dense", 128.667, 35.333, 148.667, 55.333, 6.667);
}

BOOST_AUTO_TEST_SUITE_END()
