// Each layout option changes the scene the way it should (and is not silently ignored).

#include <boost/test/unit_test.hpp>

#include "layout/decorations/caption_spacing.hpp"
#include "layout_context.hpp"
#include "reference_model.hpp"
#include "strata/error.hpp"
#include "style/keras_classes.hpp"
#include "style/layer_style.hpp"

using namespace strata;

namespace {

Scene draw(const Options& options, Model model = test::reference_model()) {
    Warnings warnings;
    test::SteadyMetrics text;
    return test::layered(model, options, text, warnings);
}

std::vector<const Group*> groups_of(const Scene& s, Role role) {
    std::vector<const Group*> found;
    for (const Group& g : s.groups) {
        if (g.role == role) found.push_back(&g);
    }
    return found;
}

const TextRun& first_run(const Group& g) {
    return std::get<TextRun>(g.items.front());
}

std::vector<std::string> caption_lines(const Scene& s, const std::string& id) {
    std::vector<std::string> lines;
    for (const Primitive& p : test::group(s, id).items) lines.push_back(std::get<TextRun>(p).text);
    return lines;
}

struct Box {
    double left, top, right, bottom;
};

// The ink of a caption block, measured again, and the outline of a box, as drawn.
Box caption_box(const Group& g) {
    static test::SteadyMetrics text;
    Box b{1e300, 1e300, -1e300, -1e300};
    for (const Primitive& p : g.items) {
        const TextRun& run = std::get<TextRun>(p);
        const TextMetrics m = text.measure(run.text, FontSpec{run.font_file, run.font_size});
        const double origin_y = run.y - m.ascent;  // the ascender line
        b.left = std::min(b.left, run.x + m.left);
        b.right = std::max(b.right, run.x + m.right);
        b.top = std::min(b.top, origin_y + m.top);
        b.bottom = std::max(b.bottom, origin_y + m.bottom);
    }
    return b;
}

Box layer_box(const Group& g) {
    const BoxGeometry& b = *g.box;
    return {b.x1, b.y1 - b.de, b.x2 + b.de, b.y2};
}

bool overlap(const Box& a, const Box& b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

std::size_t overlaps(const Scene& s) {
    std::vector<Box> captions, boxes;
    for (const Group* g : groups_of(s, Role::caption)) captions.push_back(caption_box(*g));
    for (const Group* g : groups_of(s, Role::layer)) boxes.push_back(layer_box(*g));
    std::size_t count = 0;
    for (std::size_t i = 0; i < captions.size(); ++i) {
        for (std::size_t j = i + 1; j < captions.size(); ++j)
            count += overlap(captions[i], captions[j]);
        for (const Box& b : boxes) count += overlap(captions[i], b);
    }
    return count;
}

// Two layers with the same long caption side by side: visualkeras lets the captions collide.
Model wide_caption_model() {
    Model m;
    m.name = "pair";
    m.layers = {test::layer("a_very_long_layer_name_number_one", "Conv2D", {-1, 8, 8, 4}),
                test::layer("a_very_long_layer_name_number_two", "Conv2D", {-1, 8, 8, 4}, {0}),
                test::layer("short", "Dense", {-1, 10}, {1})};
    return m;
}

}  // namespace

BOOST_AUTO_TEST_CASE(captions_never_overlap_by_default) {
    Options o;
    o.text_callable = strata::TextCallable::name;
    Scene fixed = draw(o, wide_caption_model());
    BOOST_TEST(overlaps(fixed) == 0u);
    o.compat_visualkeras = true;
    Scene quirky = draw(o, wide_caption_model());
    BOOST_TEST(overlaps(quirky) > 0u);  // visualkeras' picture, kept for comparisons
    // Only as far apart as needed: the second box moved by less than a caption width.
    const double moved = test::group(fixed, "a_very_long_layer_name_number_two").box->x1 -
                         test::group(quirky, "a_very_long_layer_name_number_two").box->x1;
    BOOST_TEST(moved > 0);
    BOOST_TEST(moved < caption_box(*groups_of(fixed, Role::caption)[0]).right);
}

BOOST_AUTO_TEST_CASE(presentation_like_captions_on_vgg_sized_boxes_do_not_overlap) {
    Options o;
    o.text_callable = strata::TextCallable::name_shape;
    o.caption_position = strata::CaptionPosition::alternate;
    Scene s = draw(o);
    BOOST_TEST(overlaps(s) == 0u);
    BOOST_TEST(first_run(test::group(s, "conv-caption")).y <
               test::group(s, "conv").box->y1);  // above
    BOOST_TEST(first_run(test::group(s, "pool-caption")).y >
               test::group(s, "pool").box->y2);  // below
}

BOOST_AUTO_TEST_CASE(caption_spacing_moves_only_what_collides) {
    using layout::BoxFootprint;
    using layout::Rect;
    BoxFootprint a{Rect{0, -10, 20, 10}, true, Rect{-20, 10, 40, 22}};
    BoxFootprint b{Rect{30, -10, 50, 10}, true, Rect{10, 10, 70, 22}};
    BoxFootprint c{Rect{60, -5, 80, 5}, false, {}};  // its neighbour's caption passes below it
    auto shifts = layout::caption_shifts({a, b, c}, 4);
    BOOST_TEST(shifts[0] == 0);
    BOOST_TEST(shifts[1] == 34);  // caption b must start 4 px after caption a ends
    BOOST_TEST(shifts[2] == 34);  // c keeps its distance to b
    // A caption that only touches a box (rounding aside) is no collision.
    BoxFootprint tall{Rect{0, -20, 30, 20}, false, {}};
    BoxFootprint above{Rect{10, -5, 20, 5}, true, Rect{-10, -20 - 12, 40, -20 + 1e-9}};
    BOOST_TEST(layout::caption_shifts({tall, above}, 4)[1] == 0);
}

BOOST_AUTO_TEST_CASE(caption_templates_and_overrides) {
    Model m = test::reference_model();
    m.layers[1].params = 112;
    m.layers[3].params = 1234567;
    Options o;
    o.caption = "{name} #{index}\\n{type}: {params}";
    o.captions["dense"] = "head {{{shape}}}";
    o.type_ignore = {"InputLayer"};
    Scene s = draw(o, m);
    BOOST_TEST(
        caption_lines(s, "conv-caption") == (std::vector<std::string>{"conv #0", "Conv2D: 112"}),
        boost::test_tools::per_element());
    BOOST_TEST(caption_lines(s, "conv2-caption")[1] == "Conv2D: 1,234,567");
    BOOST_TEST(caption_lines(s, "pool-caption")[1] == "MaxPooling2D: ?");
    BOOST_TEST(caption_lines(s, "dense-caption") == (std::vector<std::string>{"head {3}"}),
               boost::test_tools::per_element());
    o.caption = "{nme}";
    BOOST_CHECK_THROW(draw(o, m), Error);
}

BOOST_AUTO_TEST_CASE(styles_by_base_class_class_and_name) {
    Options o;
    o.type_ignore = {"InputLayer"};
    o.styles["Conv"].fill = Rgba{1, 1, 1, 255};  // every convolution ...
    o.styles["Conv"].scale_z = 3;
    o.styles["Conv2D"].fill = Rgba{2, 2, 2, 255};    // ... but the class's own rule wins
    o.styles["conv2"].outline = Rgba{3, 3, 3, 255};  // and a layer's rule wins over both
    o.styles["conv2"].spacing = 40;
    o.color_map["MaxPooling2D"] = {Rgba{4, 4, 4, 255}, std::nullopt};
    Scene s = draw(o);
    const Group& conv = test::group(s, "conv");
    const Group& conv2 = test::group(s, "conv2");
    BOOST_TEST((*conv.fill == Rgba{2, 2, 2, 255}));
    BOOST_TEST(conv.box->x2 - conv.box->x1 == 20);    // scale_z 3 × 4 channels = 12 → min_z 20
    BOOST_TEST(conv2.box->x2 - conv2.box->x1 == 24);  // 8 channels × 3
    BOOST_TEST((*conv2.outline == Rgba{3, 3, 3, 255}));
    BOOST_TEST((*test::group(s, "pool").fill == Rgba{4, 4, 4, 255}));
    const double gap = test::group(s, "flatten").box->x1 - conv2.box->x2;
    BOOST_TEST(gap == 40 + conv2.box->de / 2 - test::group(s, "flatten").box->de / 2,
               boost::test_tools::tolerance(1e-9));
    BOOST_TEST((layout::class_chain("Conv2DTranspose") ==
                std::vector<std::string>{"Conv2DTranspose", "Conv2D", "Conv", "Layer"}),
               boost::test_tools::per_element());
    BOOST_TEST((layout::class_chain("Flatten") == std::vector<std::string>{"Flatten", "Layer"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(connector_colour_and_width_are_used) {
    Options o;
    o.connector_fill = Rgba{10, 20, 30, 255};
    o.connector_width = 3;
    Scene s = draw(o);
    auto funnels = groups_of(s, Role::funnel);
    BOOST_TEST_REQUIRE(funnels.size() == 5u);
    for (const Group* f : funnels) {
        for (const Primitive& p : f->items) {
            BOOST_TEST((std::get<Polyline>(p).stroke == Rgba{10, 20, 30, 255}));
            BOOST_TEST(std::get<Polyline>(p).stroke_width == 3);
        }
    }
}

BOOST_AUTO_TEST_CASE(caption_font_colour_and_size_per_layer) {
    Options o;
    o.text_callable = strata::TextCallable::type;
    o.font_color = Rgba{200, 0, 0, 255};
    o.styles["dense"].font_size = 20;
    o.styles["dense"].font_color = Rgba{0, 0, 200, 255};
    Scene s = draw(o);
    BOOST_TEST((first_run(test::group(s, "conv-caption")).fill == Rgba{200, 0, 0, 255}));
    BOOST_TEST(first_run(test::group(s, "conv-caption")).font_family == "DejaVu Sans");
    BOOST_TEST(first_run(test::group(s, "dense-caption")).font_size == 20);
    BOOST_TEST((first_run(test::group(s, "dense-caption")).fill == Rgba{0, 0, 200, 255}));
    BOOST_TEST(!first_run(test::group(s, "dense-caption")).glyphs.empty());
}

BOOST_AUTO_TEST_CASE(background_shade_and_flat_options) {
    Options o;
    o.background_fill = Rgba{1, 2, 3, 4};
    o.shade_step = 30;
    o.draw_funnel = false;
    Scene s = draw(o);
    BOOST_TEST((s.background == Rgba{1, 2, 3, 4}));
    BOOST_TEST(groups_of(s, Role::funnel).empty());
    const Group& input =
        test::group(s, "input");  // InputLayer's #dddddd shaded by 30 on top, 60 on the side
    bool top = false, side = false;
    for (const Primitive& p : input.items) {
        if (const auto* face = std::get_if<Polygon>(&p)) {
            if (face->name == "top") top = (*face->fill == Rgba{191, 191, 191, 255});
            if (face->name == "side") side = (*face->fill == Rgba{161, 161, 161, 255});
        }
    }
    BOOST_TEST(top);
    BOOST_TEST(side);
}

// A SpacingDummyLayer only pushes the next box right (its `spacing`, 50 by default); a layer
// without a name is captioned layer_<box index>.
BOOST_AUTO_TEST_CASE(spacing_dummies_and_unnamed_layers) {
    Model m = test::reference_model();
    Layer dummy = test::layer("gap", "SpacingDummyLayer", {-1, 6, 6, 4}, {2});
    dummy.attrs["spacing"] = std::int64_t{7};
    m.layers.insert(m.layers.begin() + 3, dummy);
    m.layers[4].inputs = {{3, 0}};
    m.layers[2].name = "";
    Options o;
    o.type_ignore = {"InputLayer"};
    o.text_callable = strata::TextCallable::name;
    o.compat_visualkeras = true;
    const Scene with_dummy = draw(o, m);
    const Scene without = draw(o);
    BOOST_TEST(test::group(with_dummy, "conv2").box->x1 - test::group(without, "conv2").box->x1 ==
               7.0);
    for (const Group& g : with_dummy.groups) BOOST_TEST(g.id.find("gap") == std::string::npos);
    BOOST_TEST(caption_lines(with_dummy, "layer-caption") == (std::vector<std::string>{"layer_1"}),
               boost::test_tools::per_element());
    m.layers[3].attrs.clear();  // default spacing
    BOOST_TEST(test::group(draw(o, m), "conv2").box->x1 - test::group(without, "conv2").box->x1 ==
               50.0);
}
