// Layer groups (§7.1 of the layered-view reference): rectangles around member boxes, their
// titles, the clearance they add between boxes, and the canvas that holds them.

#include <boost/test/unit_test.hpp>

#include "layout/decorations/layer_groups.hpp"
#include "layout_context.hpp"
#include "reference_model.hpp"
#include "scene_checks.hpp"
#include "scene_items.hpp"

using namespace strata;
using strata::test::check_box;
using strata::test::hex;
using strata::test::ink;
using strata::test::near;
using strata::test::text_run;

namespace {

// The table of Pillow's default font where the scenarios need it, and group titles.
class Metrics final : public TextMeasurer {
  public:
    TextMetrics measure(std::string_view text, const FontSpec& font) override {
        fonts.emplace_back(std::string(text), font);
        return table_.measure(text, font);
    }
    ResolvedFont resolve(const FontSpec& font) override { return table_.resolve(font); }

    std::vector<std::pair<std::string, FontSpec>> fonts;  // every measurement asked for

  private:
    FixedMetrics table_ = test::metrics_table({{"Ag", ink(0, 2, 12, 12, 12)},
                                               {"Conv2D", ink(0, 2, 37, 10, 37)},
                                               {"MaxPooling2D", ink(0, 2, 67, 12, 67)},
                                               {"Flatten", ink(0, 1, 33, 10, 33)},
                                               {"Dense", ink(0, 2, 29, 10, 29)},
                                               {"Features", ink(0, 3, 55, 15, 55)},
                                               {"Head", ink(0, 3, 33, 15, 33)},
                                               {"Ghost", ink(0, 3, 40, 15, 40)}});
};

// The groups of the suggested golden: Features around the convolutions, Head around dense.
Options grouped(bool compat) {
    Options o;
    o.compat_visualkeras = compat;
    o.type_ignore = {"InputLayer"};
    LayerGroup features;
    features.name = "Features";
    features.layers = {"conv", "pool", "conv2"};
    features.fill = hex(0xe3f2fd);
    features.outline = hex(0x1976d2);
    features.padding = 10;
    LayerGroup head;
    head.name = "Head";
    head.layers = {"dense"};
    head.fill = Rgba{200, 230, 200, 255};
    head.outline = Rgba{0, 128, 0, 255};
    head.padding = 6;
    o.layered_groups = {features, head};
    return o;
}

Scene draw(const Options& o, Warnings& warnings, Metrics& text) {
    return test::layered(test::reference_model(), o, text, warnings);
}

Scene draw(const Options& o) {
    Warnings warnings;
    Metrics text;
    return draw(o, warnings, text);
}

const Polygon& rectangle(const Scene& s, const std::string& name) {
    return test::item<Polygon>(test::group(s, "group-" + name), "rectangle");
}

void check_rect(const Polygon& r, double left, double top, double right, double bottom) {
    BOOST_TEST(near(r.points[0].x, left), "left " << r.points[0].x << " != " << left);
    BOOST_TEST(near(r.points[0].y, top), "top " << r.points[0].y << " != " << top);
    BOOST_TEST(near(r.points[2].x, right), "right " << r.points[2].x << " != " << right);
    BOOST_TEST(near(r.points[2].y, bottom), "bottom " << r.points[2].y << " != " << bottom);
}

const BoxGeometry& box(const Scene& s, const std::string& id) {
    return *test::group(s, id).box;
}

bool warned(const Warnings& warnings, const std::string& part) {
    for (const Warning& w : warnings) {
        if ((w.where + " " + w.message).find(part) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(layer_groups)

BOOST_AUTO_TEST_CASE(golden_groups_match_visualkeras) {
    const Scene s = draw(grouped(true));
    // Box positions of the golden: +10 clearance after Features, +6 before Head.
    check_box(s, "conv", 20, 26, 40, 74, 16);
    check_box(s, "pool", 54, 34, 74, 58, 8);
    check_box(s, "conv2", 84, 34, 104, 58, 8);
    check_box(s, "flatten", 124.667, 35.333, 524.667, 55.333, 6.667);
    check_box(s, "dense", 540.667, 35.333, 560.667, 55.333, 6.667);
    BOOST_TEST(s.width == 584);
    // top: tallest box 32 + padding 10; bottom: 32 + 10 + text_spacing 5 + ink height 12.
    BOOST_TEST(s.height == 42 + 59);
    const Polygon& features = rectangle(s, "Features");
    check_rect(features, 10, 0, 122, 84);
    BOOST_TEST((*features.fill == hex(0xe3f2fd)));
    BOOST_TEST((*features.stroke == hex(0x1976d2)));
    BOOST_TEST(features.stroke_width == 1);
    check_rect(rectangle(s, "Head"), 540.667 - 6, 35.333 - 6.667 - 6, 560.667 + 6.667 + 6,
               55.333 + 6);
    const TextRun& title = text_run(test::group(s, "group-Features-title"));
    BOOST_TEST(title.text == "Features");
    BOOST_TEST(near(title.x, 66 - 55.0 / 2));
    BOOST_TEST(near(title.y, 84 + 5 + 10));  // text_spacing below, then the ascent
    BOOST_TEST((test::group(s, "group-Features-title").role == Role::group_title));
    BOOST_TEST((test::group(s, "group-Features").role == Role::group));
}

BOOST_AUTO_TEST_CASE(rectangles_are_painted_first_and_titles_after_the_legend) {
    Options o = grouped(false);
    o.legend = true;
    const Scene s = draw(o);
    const std::size_t first_box = test::index_of(s, "conv");
    BOOST_TEST(test::index_of(s, "group-Features") < first_box);
    BOOST_TEST(test::index_of(s, "group-Head") < first_box);
    BOOST_TEST(test::index_of(s, "group-Features-title") > test::index_of(s, "legend-Dense"));
    BOOST_TEST(test::index_of(s, "group-Head-title") > test::index_of(s, "legend-Dense"));
}

BOOST_AUTO_TEST_CASE(reversed_rectangles_hold_the_back_faces_on_the_left) {
    Options o = grouped(true);
    o.draw_reversed = true;
    const Scene s = draw(o);
    const BoxGeometry &conv = box(s, "conv"), &conv2 = box(s, "conv2");
    check_rect(rectangle(s, "Features"), conv.x1 - conv.de - 10, conv.y1 - conv.de - 10,
               conv2.x2 + 10, conv.y2 + 10);
    const BoxGeometry& dense = box(s, "dense");
    check_rect(rectangle(s, "Head"), dense.x1 - dense.de - 6, dense.y1 - dense.de - 6, dense.x2 + 6,
               dense.y2 + 6);
    BOOST_TEST(near(conv.x1 - conv.de - 10, o.padding));
}

BOOST_AUTO_TEST_CASE(clearance_separates_boxes_whose_membership_changes) {
    Options o = grouped(true);
    const std::vector<LayerGroup> groups = o.layered_groups;
    o.layered_groups.clear();
    const Scene plain = draw(o);
    o.layered_groups = groups;
    const Scene s = draw(o);
    // Everything moves by the Features rectangle's 10 px; flatten by 10 more (leaving
    // Features), dense by 6 more (entering Head).
    BOOST_TEST(near(box(s, "conv2").x1 - box(plain, "conv2").x1, 10));
    BOOST_TEST(near(box(s, "flatten").x1 - box(plain, "flatten").x1, 20));
    BOOST_TEST(near(box(s, "dense").x1 - box(plain, "dense").x1, 26));
}

BOOST_AUTO_TEST_CASE(clearance_takes_the_largest_padding_each_way) {
    LayerGroup a, b;
    a.layers = {"x", "y"};
    a.padding = 10;
    b.layers = {"y"};
    b.padding = 4;
    const std::vector<LayerGroup> groups{a, b};
    layout::GroupClearance visualkeras(groups, false);
    BOOST_TEST(visualkeras.before("x") == 0);   // visualkeras: nothing before the first box
    BOOST_TEST(visualkeras.before("y") == 4);   // enters b
    BOOST_TEST(visualkeras.before("z") == 10);  // leaves a and b
    BOOST_TEST(visualkeras.before("w") == 0);
    layout::GroupClearance strata(groups, true);
    BOOST_TEST(strata.before("y") == 10);  // enters a and b
}

BOOST_AUTO_TEST_CASE(default_mode_keeps_groups_and_titles_inside_the_margins) {
    const Options o = grouped(false);
    const Scene s = draw(o);
    // The clearance before the first box: the rectangle starts at the padding, not in it.
    const Polygon& features = rectangle(s, "Features");
    BOOST_TEST(near(features.points[0].x, o.padding));
    check_box(s, "conv", 20, 36, 40, 84, 16);
    // The whole title ink, down to its lowest pixel, stays above the bottom padding
    // (visualkeras reserves bottom - top from the ascender line and cuts the last pixels).
    const TextRun& title = text_run(test::group(s, "group-Features-title"));
    const double ink_bottom = title.y - 10 + 15;
    BOOST_TEST(ink_bottom <= s.height - o.padding);
    BOOST_TEST(near(ink_bottom, s.height - o.padding));
    // Its ink is centred under the rectangle.
    BOOST_TEST(near(title.x + 55.0 / 2, (features.points[0].x + features.points[2].x) / 2));
}

BOOST_AUTO_TEST_CASE(unmatched_groups_are_skipped_with_a_warning) {
    Options o = grouped(true);
    LayerGroup ghost;
    ghost.name = "Ghost";
    ghost.layers = {"nope"};
    LayerGroup inputs;
    inputs.name = "Inputs";
    inputs.layers = {"input"};  // exists but is not drawn
    o.layered_groups.push_back(ghost);
    o.layered_groups.push_back(inputs);
    Warnings warnings;
    Metrics text;
    const Scene s = draw(o, warnings, text);
    BOOST_TEST(warned(warnings, "'Ghost' no layer is named 'nope'"));
    BOOST_TEST(warned(warnings, "'Ghost' the group holds no drawn layer"));
    BOOST_TEST(warned(warnings, "'Inputs' the group holds no drawn layer"));
    BOOST_TEST(!warned(warnings, "no layer is named 'input'"));
    for (const Group& g : s.groups) {
        BOOST_TEST(g.id.find("Ghost") == std::string::npos);
        BOOST_TEST(g.id.find("Inputs") == std::string::npos);
    }
    BOOST_TEST(s.width == draw(grouped(true)).width);
}

BOOST_AUTO_TEST_CASE(every_group_field_reaches_the_scene) {
    Options o = grouped(true);
    const Scene before = draw(o);
    LayerGroup& g = o.layered_groups.front();
    g.fill = Rgba{1, 2, 3, 4};
    g.outline = Rgba{5, 6, 7, 255};
    g.width = 3;
    g.padding = 14;
    g.text_spacing = 9;
    g.font = "Some Family";
    g.font_size = 21;
    g.font_color = Rgba{9, 8, 7, 255};
    Warnings warnings;
    Metrics text;
    const Scene s = draw(o, warnings, text);
    const Polygon& r = rectangle(s, "Features");
    BOOST_TEST((*r.fill == Rgba{1, 2, 3, 4}));
    BOOST_TEST((*r.stroke == Rgba{5, 6, 7, 255}));
    BOOST_TEST(r.stroke_width == 3);
    const BoxGeometry& conv = box(s, "conv");
    BOOST_TEST(near(r.points[0].x, conv.x1 - 14));
    const TextRun& title = text_run(test::group(s, "group-Features-title"));
    BOOST_TEST(near(title.y, r.points[2].y + 9 + 10));
    BOOST_TEST(title.font_size == 21);
    BOOST_TEST((title.fill == Rgba{9, 8, 7, 255}));
    bool measured_in_group_font = false;
    for (const auto& [what, font] : text.fonts) {
        if (what == "Features" && font == FontSpec{"Some Family", 21})
            measured_in_group_font = true;
    }
    BOOST_TEST(measured_in_group_font);
    // The name is the title; without a name there is none.
    o.layered_groups.front().name = "";
    const Scene untitled = draw(o);
    BOOST_TEST(test::groups_with_role(untitled, Role::group_title).size() == 1u);
    BOOST_TEST(test::groups_with_role(before, Role::group_title).size() == 2u);
}

BOOST_AUTO_TEST_CASE(groups_take_the_caption_font_by_default) {
    Options o = grouped(true);
    o.font = "Caption Family";
    Warnings warnings;
    Metrics text;
    draw(o, warnings, text);
    bool found = false;
    for (const auto& [what, font] : text.fonts) {
        if (what == "Head" && font == FontSpec{"Caption Family", 15}) found = true;
    }
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_SUITE_END()

// A rectangle drawn around boxes only lets their captions cross its edge and its title land on
// the captions below; strata's rectangle holds the members' captions too.
BOOST_AUTO_TEST_CASE(group_rectangles_hold_their_members_captions) {
    auto rectangle_of = [](bool compat) {
        Options o;
        o.compat_visualkeras = compat;
        o.text_callable = strata::TextCallable::name;
        o.type_ignore = {"InputLayer"};
        LayerGroup g;
        g.name = "dense";  // a title the fixed metrics table knows
        g.layers = {"flatten", "dense"};
        g.padding = 4;
        o.layered_groups = {g};
        Warnings warnings;
        FixedMetrics text = pillow_default_font_metrics();
        Scene s = test::layered(test::reference_model(), o, text, warnings);
        const Polygon& rect = std::get<Polygon>(test::group(s, "group-dense").items.front());
        const TextRun& caption = std::get<TextRun>(test::group(s, "dense-caption").items.front());
        const double rect_bottom = std::max(rect.points[0].y, rect.points[2].y);
        const double caption_bottom = caption.y - 10 + 10;  // "dense": ascent 10, ink bottom 10
        return std::pair{rect_bottom, caption_bottom};
    };
    auto [fixed_bottom, fixed_caption] = rectangle_of(false);
    BOOST_TEST(fixed_bottom >= fixed_caption + 4);  // the caption and the padding inside
    auto [quirky_bottom, quirky_caption] = rectangle_of(true);
    BOOST_TEST(quirky_bottom < quirky_caption);  // visualkeras: the caption crosses the edge
}

// A group of a residual block's main path: its projection shortcut runs in a lane under the
// row, outside the rectangle. The title hangs below the lane, not on its box or its lines.
BOOST_AUTO_TEST_CASE(titles_hang_below_the_lanes_under_their_rectangle) {
    using test::layer;
    Model m;
    m.name = "residual";
    m.layers = {layer("input", "InputLayer", {-1, 16, 16, 3}),
                layer("stem", "Conv2D", {-1, 16, 16, 16}, {0}),
                layer("conv_a", "Conv2D", {-1, 16, 16, 32}, {1}),
                layer("conv_b", "Conv2D", {-1, 16, 16, 32}, {2}),
                layer("conv_c", "Conv2D", {-1, 16, 16, 32}, {3}),
                layer("projection", "Conv2D", {-1, 16, 16, 32}, {1}),
                layer("add", "Add", {-1, 16, 16, 32}, {4, 5}),
                layer("head", "Dense", {-1, 10}, {6})};
    m.inputs = {0};
    m.outputs = {{7, 0}};
    for (const char* width : {"", "241pt"}) {
        BOOST_TEST_CONTEXT(width) {
            Options o;
            o.width = width;
            LayerGroup main_path;
            main_path.name = "Main path";
            main_path.layers = {"conv_a", "conv_b", "conv_c"};
            o.layered_groups = {main_path};
            const Scene s = test::draw(m, o);
            BOOST_TEST(test::count_role(s, Role::group_title) == 1u);
            const std::vector<std::string> hits = test::texts_over_items(s);
            for (const std::string& hit : hits) BOOST_TEST_MESSAGE(hit);
            BOOST_TEST(hits.empty());
            BOOST_TEST(test::outside_canvas(s).empty());
        }
    }
}

// The same when the group runs on into the next rows: its title hangs under the first row's
// rectangle, below a lane that starts left of the group's first box and reaches under the
// title. The residual block sits at each place along the first row in turn.
BOOST_AUTO_TEST_CASE(multi_row_titles_hang_below_the_lanes_under_their_first_rectangle) {
    using test::layer;
    for (std::size_t lead = 0; lead < 8; ++lead) {
        BOOST_TEST_CONTEXT(lead << " layers before the block") {
            Model m;
            m.name = "residual_in_a_chain";
            m.layers = {layer("input", "InputLayer", {-1, 16, 16, 3})};
            const auto add = [&](std::string name, std::string type, Shape shape,
                                 std::vector<std::size_t> from) {
                m.layers.push_back(
                    layer(std::move(name), std::move(type), std::move(shape), std::move(from)));
                return m.layers.size() - 1;
            };
            std::size_t last = 0;
            for (std::size_t k = 0; k < lead; ++k)
                last = add("lead_" + std::to_string(k), "Conv2D", {-1, 16, 16, 16}, {last});
            const std::size_t stem = add("stem", "Conv2D", {-1, 16, 16, 16}, {last});
            const std::size_t conv = add("conv", "Conv2D", {-1, 16, 16, 32}, {stem});
            const std::size_t projection = add("projection", "Conv2D", {-1, 16, 16, 32}, {stem});
            last = add("sum", "Add", {-1, 16, 16, 32}, {conv, projection});
            std::vector<std::string> members = {"sum"};
            for (int k = 0; k < 12; ++k) {
                members.push_back("chain_" + std::to_string(k));
                last = add(members.back(), "Conv2D", {-1, 16, 16, 32 + 8 * k}, {last});
            }
            m.inputs = {0};
            m.outputs = {{last, 0}};
            Options o;
            o.width = "241pt";
            LayerGroup group;
            group.name = "Residual body";
            group.layers = members;
            o.layered_groups = {group};
            const Scene s = test::draw(m, o);
            const std::vector<std::string> hits = test::texts_over_items(s);
            for (const std::string& hit : hits) BOOST_TEST_MESSAGE(hit);
            BOOST_TEST(hits.empty());
        }
    }
}
