// Every option the lenet view reads changes its scene as it should.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>

#include "strata/error.hpp"
#include "views/lenet_support.hpp"

using namespace strata;
using namespace strata::test;

namespace {

// A CNN: convolutions and poolings of maps, then dense vectors.
const Model& cnn() {
    static const Model model = lenet_model("keras/fer2013_cnn.json");
    return model;
}

double left_of(const Polygon& p) {
    double x = p.points[0].x;
    for (const Point& q : p.points) x = std::min(x, q.x);
    return x;
}
double top_of(const Polygon& p) {
    double y = p.points[0].y;
    for (const Point& q : p.points) y = std::min(y, q.y);
    return y;
}
double width_of(const Polygon& p) {
    double x = p.points[0].x;
    for (const Point& q : p.points) x = std::max(x, q.x);
    return x - left_of(p);
}
double height_of(const Polygon& p) {
    double y = p.points[0].y;
    for (const Point& q : p.points) y = std::max(y, q.y);
    return y - top_of(p);
}

std::size_t maps_of(const Scene& scene, std::size_t stack) {
    const Group& g = *groups_of(scene, Role::layer).at(stack);
    return polygons_named(g, "map").size() + polygons_named(g, "front").size();
}

std::vector<const Polygon*> patches_of(const Scene& scene) {
    std::vector<const Polygon*> all;
    for (const Group* g : groups_of(scene, Role::funnel)) {
        for (const Polygon* p : polygons_named(*g, "patch")) all.push_back(p);
    }
    return all;
}

const TextRun* run_with(const Scene& scene, const std::string& text) {
    for (const TextRun* run : runs_of(scene)) {
        if (run->text == text) return run;
    }
    return nullptr;
}

Scene with(const std::function<void(Options&)>& change) {
    Options o = lenet_options();
    change(o);
    return lenet_scene(cnn(), o);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lenet_option_effects)

BOOST_AUTO_TEST_CASE(view_brings_visualkeras_lenet_defaults_and_leaves_none_behind) {
    Options o = lenet_options();
    BOOST_TEST(o.max_xy == 220);
    BOOST_TEST(o.padding == 20);
    BOOST_TEST(o.shade_step == 6);
    BOOST_TEST((o.level == Level::layer));
    // Printable colours: white, black text (visualkeras' black only in compat).
    BOOST_TEST((o.background_fill == Rgba{255, 255, 255, 255}));
    apply_view(o, View::layered);
    const Options plain;
    BOOST_TEST(o.max_xy == plain.max_xy);
    BOOST_TEST(o.padding == plain.padding);
    BOOST_TEST(o.shade_step == plain.shade_step);
    BOOST_TEST((o.level == plain.level));
}

BOOST_AUTO_TEST_CASE(presets_of_the_view_are_visualkeras_lenet_presets) {
    Options compact = lenet_options();
    apply_preset(compact, "compact");
    BOOST_TEST(compact.layer_spacing == 28);
    BOOST_TEST(compact.map_spacing == 3);
    BOOST_TEST(compact.max_xy == 180);
    BOOST_TEST(compact.padding == 15);
    Options presentation = lenet_options();
    apply_preset(presentation, "presentation");
    BOOST_TEST(presentation.layer_spacing == 55);
    BOOST_TEST(presentation.connector_width == 2);
    BOOST_TEST(presentation.max_xy == 260);
    Options plain = lenet_options();
    apply_preset(plain, "default");
    BOOST_TEST(plain.max_xy == 220);
}

BOOST_AUTO_TEST_CASE(seed_is_an_integer_or_none) {
    Options o = lenet_options();
    set_option(o, "seed", "42", "--seed");
    BOOST_TEST((o.seed == std::optional<std::int64_t>(42)));
    set_option(o, "seed", "-7", "--seed");
    BOOST_TEST((o.seed == std::optional<std::int64_t>(-7)));
    set_option(o, "seed", "none", "--seed");
    BOOST_TEST(!o.seed.has_value());
    BOOST_CHECK_THROW(set_option(o, "seed", "1.5", "--seed"), Error);
    BOOST_CHECK_THROW(set_option(o, "seed", "abc", "--seed"), Error);
    o.seed = 3;
    BOOST_TEST(options_to_yaml(o, lenet_options()).find("seed: 3") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(default_scene_has_stacks_connections_and_labels) {
    const Scene scene = with([](Options&) {});
    const auto stacks = groups_of(scene, Role::layer);
    BOOST_TEST(stacks.size() >= 5u);
    BOOST_TEST(groups_of(scene, Role::funnel).size() == stacks.size() - 1);
    BOOST_TEST(!patches_of(scene).empty());
    BOOST_TEST(run_with(scene, "Conv2D") != nullptr);
    bool size_label = false;
    for (const TextRun* run : runs_of(scene))
        size_label |= run->text.find("@") != std::string::npos;
    BOOST_TEST(size_label);
}

BOOST_AUTO_TEST_CASE(max_visual_channels_caps_the_maps_drawn) {
    BOOST_TEST(maps_of(with([](Options&) {}), 0) == 12u);
    BOOST_TEST(maps_of(with([](Options& o) { o.max_visual_channels = 3; }), 0) == 3u);
}

BOOST_AUTO_TEST_CASE(map_spacing_offsets_the_maps) {
    const auto back_offset = [](const Scene& s) {
        const Group& g = *groups_of(s, Role::layer).at(0);
        return left_of(front_of(s)) - left_of(*polygons_named(g, "map").at(0));
    };
    BOOST_TEST(back_offset(with([](Options&) {})) == 11 * 4.0);
    BOOST_TEST(back_offset(with([](Options& o) { o.map_spacing = 7; })) == 11 * 7.0);
}

BOOST_AUTO_TEST_CASE(layer_spacing_is_the_gap_between_stacks) {
    const auto gap = [](const Scene& s) {
        const Group& second = *groups_of(s, Role::layer).at(1);
        const auto maps = polygons_named(second, "map");
        const Polygon& back = maps.empty() ? front_of(s, 1) : *maps[0];
        return left_of(back) - (left_of(front_of(s)) + width_of(front_of(s)));
    };
    BOOST_TEST(gap(with([](Options& o) { o.layer_spacing = 90; })) - gap(with([](Options&) {})) ==
               50.0);
}

BOOST_AUTO_TEST_CASE(patch_fill_and_outline_colour_the_patches) {
    const Scene scene = with([](Options& o) {
        o.patch_fill = Rgba{255, 0, 0, 255};
        o.patch_outline = Rgba{0, 255, 0, 255};
    });
    const auto patches = patches_of(scene);
    BOOST_TEST_REQUIRE(!patches.empty());
    BOOST_TEST((*patches[0]->fill == Rgba{255, 0, 0, 255}));
    BOOST_TEST((*patches[0]->stroke == Rgba{0, 255, 0, 255}));
}

BOOST_AUTO_TEST_CASE(patch_scale_grows_the_source_patches) {
    const double plain = width_of(*patches_of(with([](Options&) {})).at(0));
    const double grown = width_of(*patches_of(with([](Options& o) { o.patch_scale = 2; })).at(0));
    BOOST_TEST(grown > plain);
}

BOOST_AUTO_TEST_CASE(seed_moves_the_patches_and_is_deterministic) {
    const auto place = [](const Scene& s) {
        const Polygon& p = *patches_of(s).at(0);
        return std::pair{left_of(p), top_of(p)};
    };
    const Scene unseeded = with([](Options&) {});
    BOOST_TEST((place(unseeded) == place(with([](Options&) {}))));
    BOOST_TEST((place(unseeded) != place(with([](Options& o) { o.seed = 42; }))));
    BOOST_TEST((place(with([](Options& o) { o.seed = 42; })) ==
                place(with([](Options& o) { o.seed = 42; }))));
}

BOOST_AUTO_TEST_CASE(draw_connections_and_draw_patches_switch_them_off) {
    BOOST_TEST(
        groups_of(with([](Options& o) { o.draw_connections = false; }), Role::funnel).empty());
    const Scene no_patches = with([](Options& o) { o.draw_patches = false; });
    BOOST_TEST(!groups_of(no_patches, Role::funnel).empty());
    BOOST_TEST(patches_of(no_patches).empty());
}

BOOST_AUTO_TEST_CASE(top_and_bottom_label_switch_the_labels_off) {
    const Scene no_top = with([](Options& o) { o.top_label = false; });
    BOOST_TEST(run_with(no_top, "Conv2D") == nullptr);
    BOOST_TEST(!runs_of(no_top).empty());
    const Scene no_bottom = with([](Options& o) { o.bottom_label = false; });
    BOOST_TEST(run_with(no_bottom, "Conv2D") != nullptr);
    for (const TextRun* run : runs_of(no_bottom))
        BOOST_TEST(run->text.find('@') == std::string::npos);
    BOOST_TEST(
        groups_of(with([](Options& o) { o.top_label = o.bottom_label = false; }), Role::caption)
            .empty());
}

BOOST_AUTO_TEST_CASE(label_paddings_move_the_labels_away) {
    const auto gap_above = [](const Scene& s) {
        return top_of(front_of(s)) - run_with(s, "Conv2D")->y;
    };
    BOOST_TEST(gap_above(with([](Options& o) { o.top_label_padding = 26; })) -
                       gap_above(with([](Options&) {})) ==
                   20.0,
               boost::test_tools::tolerance(1e-9));
    const auto gap_below = [](const Scene& s) {
        const Polygon& f = front_of(s);
        for (const TextRun* run : runs_of(s)) {
            if (run->text.find('@') != std::string::npos)
                return run->y - (top_of(f) + height_of(f));
        }
        return -1.0;
    };
    BOOST_TEST(gap_below(with([](Options& o) { o.bottom_label_padding = 16; })) -
                       gap_below(with([](Options&) {})) ==
                   10.0,
               boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(box_size_options_size_the_faces) {
    // A map of the 48 x 48 image is its side times scale_xy wide.
    const double at_4 = width_of(front_of(with([](Options&) {})));
    BOOST_TEST(at_4 > 150.0);
    BOOST_TEST(width_of(front_of(with([](Options& o) { o.scale_xy = 2; }))) == at_4 / 2);
    BOOST_TEST(width_of(front_of(with([](Options& o) { o.max_xy = 100; }))) == 100.0);
    BOOST_TEST(width_of(front_of(with([](Options& o) {
                   o.min_xy = 250;
                   o.max_xy = 300;
               }))) == 250.0);
}

BOOST_AUTO_TEST_CASE(colours_and_text_options_are_honoured) {
    const Scene s = with([](Options& o) {
        o.background_fill = Rgba{1, 2, 3, 255};
        o.connector_fill = Rgba{200, 0, 0, 255};
        o.connector_width = 3;
        o.font_color = Rgba{0, 0, 200, 255};
        o.font_size = 17;
        o.color_map["Conv2D"] = LayerColors{Rgba{0, 128, 0, 255}, Rgba{9, 9, 9, 255}};
        o.shade_step = 0;
    });
    BOOST_TEST((s.background == Rgba{1, 2, 3, 255}));
    const Polygon& band = *polygons_named(*groups_of(s, Role::funnel).at(0), "band").at(0);
    BOOST_TEST((*band.stroke == Rgba{200, 0, 0, 255}));
    BOOST_TEST(band.stroke_width == 3.0);
    BOOST_TEST((run_with(s, "Conv2D")->fill == Rgba{0, 0, 200, 255}));
    BOOST_TEST(run_with(s, "Conv2D")->font_size == 17.0);
    // The first Conv2D: every map the class colour (shade_step 0), outlined as asked.
    for (const Group* g : groups_of(s, Role::layer)) {
        if (g->type != "Conv2D") continue;
        BOOST_TEST((*polygons_named(*g, "map").at(0)->fill == Rgba{0, 128, 0, 255}));
        BOOST_TEST((*polygons_named(*g, "front").at(0)->stroke == Rgba{9, 9, 9, 255}));
        break;
    }
}

BOOST_AUTO_TEST_CASE(shade_step_darkens_the_front_maps) {
    const Scene s = with([](Options& o) { o.shade_step = 10; });
    const Group& g = *groups_of(s, Role::layer).at(1);
    const Rgba back = *polygons_named(g, "map").at(0)->fill;
    const Rgba front = *polygons_named(g, "front").at(0)->fill;
    BOOST_TEST(back.r - front.r == 10 * (static_cast<int>(polygons_named(g, "map").size())));
}

BOOST_AUTO_TEST_CASE(padding_is_half_on_each_side) {
    const Scene s = with([](Options& o) {
        o.padding = 60;
        o.top_label = o.bottom_label = false;
    });
    const Group& g = *groups_of(s, Role::layer).at(0);
    BOOST_TEST(left_of(*polygons_named(g, "map").at(0)) == 30.0);
}

BOOST_AUTO_TEST_CASE(ignored_layers_are_not_drawn) {
    const std::size_t all = groups_of(with([](Options&) {}), Role::layer).size();
    BOOST_TEST(groups_of(with([](Options& o) { o.type_ignore = {"Conv2D"}; }), Role::layer).size() <
               all);
    BOOST_TEST(groups_of(with([](Options& o) { o.index_ignore = {0}; }), Role::layer).size() ==
               all - 1);
}

BOOST_AUTO_TEST_CASE(styles_fill_a_named_layer) {
    const std::string first = groups_of(with([](Options&) {}), Role::layer).at(0)->label;
    const Scene s = with([&](Options& o) { o.styles[first].fill = Rgba{250, 10, 10, 255}; });
    BOOST_TEST((*groups_of(s, Role::layer).at(0)->fill == Rgba{250, 10, 10, 255}));
}

BOOST_AUTO_TEST_CASE(width_gives_that_width_with_text_at_its_size) {
    for (const char* width : {"8.5cm", "17cm"}) {
        const Scene s = with([&](Options& o) { o.width = width; });
        const double px = std::stod(width) / 2.54 * 96;
        BOOST_TEST(s.width == px, boost::test_tools::tolerance(1e-4));
        for (const TextRun* run : runs_of(s))
            BOOST_TEST(run->font_size == 10.0, boost::test_tools::tolerance(1e-6));
    }
}

BOOST_AUTO_TEST_CASE(compat_draws_visualkeras_black_with_whole_pixels) {
    const Scene s = with([](Options& o) { o.compat_visualkeras = true; });
    BOOST_TEST((s.background == Rgba{0, 0, 0, 255}));
    BOOST_TEST((run_with(s, "Conv2D")->fill == Rgba{255, 255, 255, 255}));
    BOOST_TEST(s.width == std::round(s.width));
    // A colour asked for is kept.
    const Scene asked = with([](Options& o) {
        o.compat_visualkeras = true;
        o.background_fill = Rgba{0, 0, 90, 255};
    });
    BOOST_TEST((asked.background == Rgba{0, 0, 90, 255}));
}

BOOST_AUTO_TEST_SUITE_END()
