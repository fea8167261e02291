// The layer legend below the picture (§6 of the layered-view reference): entries, patches,
// rows, and the canvas that grows to hold them.

#include <boost/test/unit_test.hpp>

#include "layout/decorations/legend.hpp"
#include "layout_context.hpp"
#include "reference_model.hpp"
#include "scene_items.hpp"

using namespace strata;
using strata::test::check_box;
using strata::test::front_face;
using strata::test::hex;
using strata::test::ink;
using strata::test::near;
using strata::test::text_run;

namespace {

Scene draw(const Options& o, TextMeasurer& text) {
    Warnings warnings;
    return test::layered(test::reference_model(), o, text, warnings);
}

Scene draw(const Options& o) {
    FixedMetrics text = pillow_default_font_metrics();
    return draw(o, text);
}

// (7) layered_legend_dimensions
Options dimensions_options(bool compat) {
    Options o;
    o.compat_visualkeras = compat;
    o.legend = true;
    o.show_dimension = true;
    o.color_map["Conv2D"] = {hex(0xffb347), hex(0x8c4500)};
    o.color_map["Dense"] = {hex(0x8ecae6), hex(0x023047)};
    o.legend_text_spacing_offset = 0;
    o.type_ignore = {"InputLayer"};
    o.padding = 20;
    return o;
}

FixedMetrics class_label_metrics() {
    return test::metrics_table({{"Ag", ink(0, 2, 12, 12, 12)},
                                {"InputLayer", ink(0, 2, 50, 10, 50)},
                                {"Conv2D", ink(0, 2, 37, 10, 37)},
                                {"MaxPooling2D", ink(0, 2, 67, 12, 67)},
                                {"Flatten", ink(0, 1, 33, 10, 33)},
                                {"Dense", ink(0, 2, 29, 10, 29)}});
}

// Pillow's default font's line (ascent 10, descent 3) for the labels of a legend with
// dimensions outside compat mode, each about as wide as visualkeras' list form.
FixedMetrics typeset_dimension_metrics() {
    return test::metrics_table({{"Ag", ink(0, 2, 12, 12, 12)},
                                {"Conv2D (12 \u00d7 12 \u00d7 4)", ink(0, 1, 94, 11, 94)},
                                {"MaxPooling2D (6 \u00d7 6 \u00d7 4)", ink(0, 1, 112, 12, 112)},
                                {"Conv2D (6 \u00d7 6 \u00d7 8)", ink(0, 1, 82, 11, 82)},
                                {"Flatten (288)", ink(0, 1, 66, 11, 66)},
                                {"Dense (3)", ink(0, 1, 51, 11, 51)}});
}

// Checks that the entry `id` has its patch at (x, y) relative to the legend's origin: the
// cube's front face at (12..24, 6..18) and the label at (40, 3), as with Pillow's default font.
void check_patch(const Scene& s, const std::string& id, double legend_top, double x, double y,
                 const std::string& label) {
    const Group& g = test::group(s, id);
    BOOST_TEST_CONTEXT("legend entry " << id) {
        BOOST_TEST((g.role == Role::legend));
        const Polygon& front = front_face(g);
        BOOST_TEST(near(front.points[0].x, x + 12));
        BOOST_TEST(near(front.points[0].y, legend_top + y + 6));
        BOOST_TEST(near(front.points[2].x, x + 24));
        BOOST_TEST(near(front.points[2].y, legend_top + y + 18));
        const TextRun& run = text_run(g);
        BOOST_TEST(run.text == label);
        BOOST_TEST(near(run.x, x + 40));
        BOOST_TEST(near(run.y, legend_top + y + 3 + 10));  // baseline: origin + ascent
    }
}

void check_dimension_legend(const Scene& s, double legend_top) {
    check_patch(s, "legend-conv", legend_top, 20, 20, "Conv2D(['12', '12', '4'])");
    check_patch(s, "legend-pool", legend_top, 164, 20, "MaxPooling2D(['6', '6', '4'])");
    check_patch(s, "legend-conv2", legend_top, 326, 20, "Conv2D(['6', '6', '8'])");
    check_patch(s, "legend-flatten", legend_top, 458, 20, "Flatten(['288'])");
    check_patch(s, "legend-dense", legend_top, 20, 48, "Dense(['3'])");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(legend)

BOOST_AUTO_TEST_CASE(scenario_7_legend_dimensions_matches_visualkeras) {
    const Scene s = draw(dimensions_options(true));
    BOOST_TEST(s.width == 584);
    BOOST_TEST(s.height == 150);
    check_box(s, "conv", 20, 16, 40, 64, 16);
    check_box(s, "pool", 54, 24, 74, 48, 8);
    check_box(s, "conv2", 84, 24, 104, 48, 8);
    check_box(s, "flatten", 114.667, 25.333, 514.667, 45.333, 6.667);
    check_box(s, "dense", 524.667, 25.333, 544.667, 45.333, 6.667);
    check_dimension_legend(s, 64);
    const Group& conv = test::group(s, "legend-conv");
    BOOST_TEST((*conv.fill == hex(0xffb347)));
    BOOST_TEST((*conv.outline == hex(0x8c4500)));
    BOOST_TEST((front_face(test::group(s, "legend-dense")).fill == hex(0x8ecae6)));
}

BOOST_AUTO_TEST_CASE(default_mode_lays_entries_on_a_grid_in_proportion_to_the_text) {
    Options o = dimensions_options(false);
    o.legend = false;
    const Scene picture = draw(o);
    FixedMetrics text = typeset_dimension_metrics();
    const Scene s = draw(dimensions_options(false), text);
    const std::vector<const Group*> entries = test::groups_with_role(s, Role::legend);
    BOOST_TEST_REQUIRE(entries.size() == 5u);
    // Pillow's default font: a line is 13 px (ascent 10, descent 3); a cube's front face is
    // 0.7 of a line and its depth 0.35, so the cube is about as tall as the line.
    std::size_t columns = 0;
    for (const Group* g : entries) {
        if (text_run(*g).y == text_run(*entries.front()).y) ++columns;
    }
    BOOST_TEST(columns >= 2u);
    BOOST_TEST(columns < 5u);
    // Each entry names its layer's shape with a times sign (compat mode keeps visualkeras').
    BOOST_TEST(text_run(*entries.front()).text == "Conv2D (12 \u00d7 12 \u00d7 4)");
    BOOST_TEST(text_run(*entries.back()).text == "Dense (3)");
    for (std::size_t k = 0; k < entries.size(); ++k) {
        const Group& g = *entries[k];
        BOOST_TEST_CONTEXT("legend entry " << g.id) {
            const Polygon& front = front_face(g);
            BOOST_TEST(near(front.points[2].x - front.points[0].x, 0.7 * 13));
            BOOST_TEST(near(front.points[2].y - front.points[0].y, 0.7 * 13));
            const TextRun& run = text_run(g);
            BOOST_TEST(run.y - 10 >= picture.height);  // the ascender line below the picture
            BOOST_TEST(run.y + 3 <= s.height - 20);    // the descender above the padding
            // The label 0.4 em (4 px) after the cube, centred on the cube's height.
            BOOST_TEST(near(run.x, front.points[2].x + 0.35 * 13 + 4));
            BOOST_TEST(near(run.y - 10 + 6.5, front.points[2].y - (0.7 + 0.35) * 13 / 2));
            // Same column, same x; next row one cube and 0.35 em lower.
            const TextRun& first = text_run(*entries[k % columns]);
            BOOST_TEST(near(run.x, first.x));
            BOOST_TEST(near(run.y, first.y + static_cast<double>(k / columns) * (1.05 * 13 + 3.5)));
        }
    }
}

BOOST_AUTO_TEST_CASE(patches_wrap_at_the_width_of_the_picture) {
    Options o;
    o.compat_visualkeras = true;
    o.legend = true;
    o.padding = 40;
    o.type_ignore = {"InputLayer", "Flatten", "Dense"};
    const Scene s = draw(o);
    // Picture 164 × 64; Conv2D's patch (77 wide) fits, MaxPooling2D's (107) starts row 2.
    check_patch(s, "legend-Conv2D", 64, 40, 40, "Conv2D");
    check_patch(s, "legend-MaxPooling2D", 64, 40, 68, "MaxPooling2D");
    BOOST_TEST(s.width == 40 + 107 + 40);  // the legend is wider than the picture
    BOOST_TEST(s.height == 64 + 68 + 18 + 40);
}

BOOST_AUTO_TEST_CASE(one_entry_per_class_in_order_of_first_appearance) {
    Options o;
    o.legend = true;
    o.styles["conv2"].fill = Rgba{255, 0, 0, 255};
    FixedMetrics text = class_label_metrics();
    const Scene s = draw(o, text);
    std::vector<std::string> labels;
    for (const Group* g : test::groups_with_role(s, Role::legend))
        labels.push_back(text_run(*g).text);
    const std::vector<std::string> expected{"InputLayer", "Conv2D", "MaxPooling2D", "Flatten",
                                            "Dense"};
    BOOST_TEST(labels == expected, boost::test_tools::per_element());
    // The class shows its first layer's colours, not those of conv2 (drawn last).
    const Group& entry = test::group(s, "legend-Conv2D");
    BOOST_TEST((*entry.fill == *test::group(s, "conv").fill));
    BOOST_TEST((*entry.fill != *test::group(s, "conv2").fill));
}

BOOST_AUTO_TEST_CASE(show_dimension_gives_one_entry_per_layer) {
    Options o = dimensions_options(true);
    o.show_dimension = false;
    FixedMetrics text = class_label_metrics();
    const Scene by_class = draw(o, text);
    BOOST_TEST(test::groups_with_role(by_class, Role::legend).size() == 4u);
    BOOST_TEST(text_run(test::group(by_class, "legend-Conv2D")).text == "Conv2D");
    const Scene by_layer = draw(dimensions_options(true));
    BOOST_TEST(test::groups_with_role(by_layer, Role::legend).size() == 5u);
}

BOOST_AUTO_TEST_CASE(dimension_list_text_is_a_python_list_of_strings) {
    BOOST_TEST(layout::dimension_list_text(test::layer("a", "Conv2D", {-1, 12, 12, 4})) ==
               "['12', '12', '4']");
    BOOST_TEST(layout::dimension_list_text(test::layer("a", "Dense", {-1})) == "[]");
    BOOST_TEST(layout::dimension_list_text(test::layer("a", "Dense", {1, -1, 3})) == "['1', '3']");
    Layer unknown = test::layer("a", "Lambda", {});
    unknown.shape_known = false;
    BOOST_TEST(layout::dimension_list_text(unknown) == "[]");
}

BOOST_AUTO_TEST_CASE(the_legend_is_drawn_only_when_asked) {
    Options o = dimensions_options(true);
    o.legend = false;
    const Scene s = draw(o);
    BOOST_TEST(test::groups_with_role(s, Role::legend).empty());
    BOOST_TEST(s.width == 565);
    BOOST_TEST(s.height == 64);
}

BOOST_AUTO_TEST_CASE(the_legend_text_spacing_offset_changes_nothing) {
    Options o = dimensions_options(true);
    const Scene zero = draw(o);
    o.legend_text_spacing_offset = 40;
    const Scene forty = draw(o);
    BOOST_TEST(zero.width == forty.width);
    BOOST_TEST(zero.height == forty.height);
    BOOST_TEST(text_run(test::group(zero, "legend-dense")).x ==
               text_run(test::group(forty, "legend-dense")).x);
}

BOOST_AUTO_TEST_CASE(flat_and_reversed_cubes) {
    Options o = dimensions_options(true);
    o.draw_volume = false;
    const Scene flat = draw(o);
    const Group& entry = test::group(flat, "legend-conv");
    BOOST_TEST(entry.items.size() == 2u);  // front face and label only
    // Flat boxes make the picture 48 high; the patch is the 12 px cube's height.
    BOOST_TEST(near(front_face(entry).points[2].y, 48 + 20 + 12));
    BOOST_TEST(near(text_run(entry).y, 48 + 20 + 0 + 10));  // (12 - 12) / 2 below the top

    o = dimensions_options(true);
    o.draw_reversed = true;
    const Scene reversed = draw(o);
    const Polygon& side = test::item<Polygon>(test::group(reversed, "legend-conv"), "side");
    BOOST_TEST(near(side.points[0].x, 20 + 12 - 6));  // the side face is on the left
}

BOOST_AUTO_TEST_CASE(the_label_ink_is_never_cut_in_the_default_mode) {
    // A label whose ink reaches far above and below the cube.
    FixedMetrics text =
        test::metrics_table({{"Ag", ink(0, 2, 12, 12, 12)}, {"Conv2D", ink(0, -20, 37, 40, 37)}});
    Options o;
    o.legend = true;
    o.type_ignore = {"InputLayer", "MaxPooling2D", "Flatten", "Dense"};
    o.legend = false;
    const double picture_height = draw(o, text).height;
    o.legend = true;
    const Scene s = draw(o, text);
    const TextRun& run = text_run(test::group(s, "legend-Conv2D"));
    const double origin_y = run.y - 10;  // the ascender line
    BOOST_TEST(origin_y - 20 >= picture_height);
    BOOST_TEST(origin_y + 40 <= s.height - o.padding);
    BOOST_TEST(run.x + 37 <= s.width);

    // visualkeras sizes the patch by the cube and cuts the label.
    o.compat_visualkeras = true;
    const Scene compat = draw(o, text);
    const TextRun& cut = text_run(test::group(compat, "legend-Conv2D"));
    BOOST_TEST(cut.y - 10 + 40 > compat.height);
}

BOOST_AUTO_TEST_SUITE_END()
