// The layered builder's steps that are plain functions: the drawn boxes, a box's caption,
// where a caption goes and how far the figure reaches. Each is called on values alone.

#include <boost/test/unit_test.hpp>

#include "layout/decorations/face_pictures.hpp"
#include "layout/layered/box_captions.hpp"
#include "layout/layered/drawn_boxes.hpp"
#include "layout/layered/figure_bounds.hpp"
#include "layout_context.hpp"
#include "reference_model.hpp"
#include "scene_items.hpp"

using namespace strata;
using namespace strata::layout;
using strata::test::ink;

namespace {

std::vector<DrawnBox> boxes_of(const Options& o, Warnings& warnings, BoxScale scale = {}) {
    test::MemoryImages images;
    FacePictures pictures(o, images, warnings);
    return drawn_boxes(test::reference_model(), o, scale, pictures);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(builder_steps)

BOOST_AUTO_TEST_CASE(drawn_boxes_follow_the_model_with_their_gaps) {
    Options o;
    o.type_ignore = {"Flatten"};
    o.spacing = 10;
    Warnings warnings;
    const std::vector<DrawnBox> boxes = boxes_of(o, warnings);
    BOOST_TEST(warnings.empty());
    // input, conv, pool, conv2, dense: flatten is ignored.
    BOOST_REQUIRE(boxes.size() == 5u);
    BOOST_TEST(boxes[0].left == o.padding - boxes[0].de / 2);
    BOOST_TEST(boxes[4].layer == 5u);
    for (std::size_t i = 1; i < boxes.size(); ++i) {
        BOOST_TEST_CONTEXT("box " << i) {
            BOOST_TEST(boxes[i].layer > boxes[i - 1].layer);
            BOOST_TEST(!boxes[i].caption.has_value());
            BOOST_TEST(boxes[i].de == boxes[i].size.x / 3);
            // The cursor moves by the previous box's width and its spacing.
            BOOST_TEST(boxes[i].left + boxes[i].de / 2 ==
                           boxes[i - 1].left + boxes[i - 1].de / 2 + boxes[i - 1].size.z + 10,
                       boost::test_tools::tolerance(1e-9));
        }
    }
}

BOOST_AUTO_TEST_CASE(drawn_boxes_shrink_with_the_scale) {
    Options o;
    Warnings warnings;
    const std::vector<DrawnBox> full = boxes_of(o, warnings);
    const std::vector<DrawnBox> half = boxes_of(o, warnings, {0.5, 0});
    BOOST_REQUIRE(half.size() == full.size());
    BOOST_TEST(half[1].size.z < full[1].size.z);
    const SizeLimits limits{1, 1, 20, 400, 20, 400};
    BOOST_TEST(scaled_limits(limits, 0.5).max_z == 200);
    BOOST_TEST(scaled_limits(limits, 0.5).min_xy == 10);
    // The thinnest side stays legible: never below 4 px unless it was smaller to begin with.
    BOOST_TEST(scaled_limits(limits, 0.01).min_xy == 4);
    BOOST_TEST(scaled_limits(SizeLimits{1, 1, 2, 400, 20, 400}, 0.01).min_xy == 2);
}

BOOST_AUTO_TEST_CASE(a_caption_reserves_what_it_draws_and_compat_what_visualkeras_does) {
    FixedMetrics text = test::metrics_table({{"A", ink(0, 0, 7, 10, 7)},
                                             {"conv", ink(0, 2, 20, 12, 20)},
                                             {"Conv2D", ink(0, 1, 30, 8, 30)}});
    const Model model = test::reference_model();
    const Layer& conv = model.layers[1];
    LayerStyle style;
    style.text_vspacing = 4;
    Options o;
    o.caption = "{name}\\n{type}";
    TextBudget budget;
    const std::optional<Caption> c = measure_caption(conv, 1, style, o, text, budget);
    BOOST_REQUIRE(c.has_value());
    BOOST_TEST((c->lines == std::vector<std::string>{"conv", "Conv2D"}));
    BOOST_TEST(c->pitch == 14);   // "A" ink bottom + vspacing
    BOOST_TEST(c->width == 30);   // widest ink right edge
    BOOST_TEST(c->height == 22);  // the second line starts 14 below and is 8 tall
    BOOST_TEST(!c->above);
    o.compat_visualkeras = true;
    BOOST_TEST(measure_caption(conv, 1, style, o, text, budget)->height == 24);  // 12 + 8 + 4
    o.caption.clear();
    BOOST_TEST(!measure_caption(conv, 1, style, o, text, budget).has_value());
}

BOOST_AUTO_TEST_CASE(figure_bounds_reach_boxes_depths_captions_and_overlays) {
    DrawnBox a;
    a.size = BoxSize{30, 20, 40};  // x (depth source), y, z
    a.de = 10;
    a.left = 5;
    DrawnBox b = a;
    b.left = 60;
    b.cy = 6;
    b.caption = Caption{{"x"}, {}, false, 50, 12, 0};
    Options o;
    const Rect r = figure_bounds({a, b}, 5, {}, o);
    BOOST_TEST(r.left == 10);             // a's front face at 5 + 5
    BOOST_TEST(r.right == 65 + 40 + 10);  // b's front face, width and depth
    BOOST_TEST(r.top == -15);             // half of 20 + 10 above the line
    BOOST_TEST(r.bottom == 6 + 15 + 12);  // b's lower edge, then its caption
    // The caption is centred under b's front face.
    const Rect block = caption_block(b, 65, 0, o);
    BOOST_TEST(block.left == 65 + 20 - 25);
    BOOST_TEST(block.top == 20);
    // Overlays count; in compat mode the depth is left out of the width.
    BOOST_TEST(figure_bounds({a, b}, 5, {Rect{-3, -40, 0, 0}}, o).top == -40);
    o.compat_visualkeras = true;
    BOOST_TEST(figure_bounds({a}, 5, {}, o).right == 10 + 40);
}

BOOST_AUTO_TEST_SUITE_END()
