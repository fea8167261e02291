// The steps of the layered figure that every model takes: the drawn boxes, a box's caption,
// where a caption goes, captions spread along the chain, how far the figure reaches, the canvas
// it needs, the boxes and funnels of the classic chain into the scene. Each is called on
// values alone.

#include <boost/test/unit_test.hpp>

#include <cmath>

#include "layout/decorations/face_pictures.hpp"
#include "layout/decorations/layer_groups.hpp"
#include "layout/layered/box_captions.hpp"
#include "layout/layered/box_frame.hpp"
#include "layout/layered/box_groups.hpp"
#include "layout/layered/canvas_fit.hpp"
#include "layout/layered/drawn_boxes.hpp"
#include "layout/layered/drawn_layers.hpp"
#include "layout/layered/figure_bounds.hpp"
#include "layout/layered/figure_emission.hpp"
#include "layout/layered/horizontal_placement.hpp"
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
    // The thinnest side stays 2 mm tall in print unless it was smaller to begin with.
    BOOST_TEST(scaled_limits(limits, 0.01).min_xy == 2 / 25.4 * 96);
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
    BOOST_TEST(c->pitch == 14);  // "A" ink bottom + vspacing
    BOOST_TEST(c->width == 30);  // widest ink right edge
    // The second line starts 14 below and takes its font's ascent and descent (10 + 3): its
    // text, not only its ink, stays inside the block.
    BOOST_TEST(c->height == 27);
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

BOOST_AUTO_TEST_CASE(spread_captions_move_boxes_just_apart_enough) {
    // Three boxes 10 px apart with captions 50 px wide: each caption must clear the next.
    Options o;
    o.font_size = 8;
    std::vector<DrawnBox> boxes(3);
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        boxes[i].size = BoxSize{6, 20, 10};
        boxes[i].de = 2;
        boxes[i].left = 20.0 * static_cast<double>(i);
        boxes[i].caption = Caption{{"x"}, {}, false, 50, 12, 0};
    }
    const BoxFrame frame = box_frame(boxes, false);
    BOOST_TEST(frame.x_offset == 1);
    spread_captions(boxes, boxes.size(), frame, o);
    for (std::size_t i = 1; i < boxes.size(); ++i) {
        BOOST_TEST_CONTEXT("box " << i) {
            const Rect a = caption_block(boxes[i - 1], front_left(boxes[i - 1], frame), 0, o);
            const Rect b = caption_block(boxes[i], front_left(boxes[i], frame), 0, o);
            // Half a font size apart, no more.
            BOOST_TEST(b.left - a.right == o.font_size / 2, boost::test_tools::tolerance(1e-9));
        }
    }
    BOOST_TEST(boxes[0].left == 0);  // the first stays where it was
    // Without captions nothing moves.
    std::vector<DrawnBox> plain(boxes.begin(), boxes.end());
    for (DrawnBox& b : plain) b.caption.reset();
    const std::vector<DrawnBox> before = plain;
    spread_captions(plain, plain.size(), frame, o);
    for (std::size_t i = 0; i < plain.size(); ++i) BOOST_TEST(plain[i].left == before[i].left);
}

BOOST_AUTO_TEST_CASE(the_canvas_holds_the_figure_with_padding_on_every_side) {
    Options o;
    o.padding = 7;
    const Model model = test::reference_model();
    test::SteadyMetrics text;
    Warnings warnings;
    DrawnBox a;
    a.size = BoxSize{30, 20, 40};
    a.de = 10;
    a.left = 5;
    DrawnBox b = a;
    b.left = 60;
    b.layer = 1;
    const std::vector<DrawnBox> boxes{a, b};
    const LayerGroups groups(o, drawn_names(boxes, model), model, text, warnings);
    const BoxFrame frame = box_frame(boxes, false);
    const std::vector<Rect> extra{Rect{0, -40, 1, 0}};
    const Rect bounds = figure_bounds(boxes, frame.x_offset, extra, o);
    const CanvasFit fit = canvas_fit(boxes, frame, extra, groups, o);
    BOOST_TEST(fit.width == std::ceil(bounds.right - bounds.left + 14));
    BOOST_TEST(fit.height == std::ceil(bounds.bottom - bounds.top + 14));
    // The leftmost and topmost reach land on the padding.
    BOOST_TEST(bounds.left + fit.shift.x == 7);
    BOOST_TEST(bounds.top + fit.shift.y == 7);
    const BoxPlacement p = canvas_box(a, frame, fit.shift);
    BOOST_TEST(p.x1 == front_left(a, frame) + fit.shift.x);
    BOOST_TEST(p.y2 - p.y1 == a.size.y);
    // visualkeras has no vertical padding.
    o.compat_visualkeras = true;
    const CanvasFit compat = canvas_fit(boxes, frame, {}, groups, o);
    BOOST_TEST(compat.height == std::ceil(a.size.y + a.de));
    BOOST_TEST(compat.shift.y == (a.size.y + a.de) / 2);
}

BOOST_AUTO_TEST_CASE(the_chain_goes_into_the_scene_box_funnel_box_with_stable_ids) {
    Options o;
    o.type_ignore = {"Flatten"};
    Warnings warnings;
    const Model model = test::reference_model();
    std::vector<DrawnBox> boxes = boxes_of(o, warnings);
    const BoxFrame frame = box_frame(boxes, false);
    IdMaker ids;
    const std::vector<std::string> box_ids = layout::box_ids(boxes, model, ids);
    BOOST_TEST((box_ids == std::vector<std::string>{"input", "conv", "pool", "conv2", "dense"}));
    const CanvasBoxes canvas{model, o, boxes, box_ids, frame, Point{3, 50}};
    test::MemoryImages images;
    FacePictures pictures(o, images, warnings);
    Scene scene;
    emit_chain(scene, canvas, pictures, ids);
    // box, funnel, box, funnel, ...: each funnel just before the box it leads into.
    BOOST_TEST_REQUIRE(scene.groups.size() == 2 * boxes.size() - 1);
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const Group& box = scene.groups[2 * i];
        BOOST_TEST_CONTEXT("box " << i) {
            BOOST_TEST(box.id == box_ids[i]);
            BOOST_TEST_REQUIRE(box.box.has_value());
            const BoxPlacement p = canvas.placement(i);
            BOOST_TEST(box.box->x1 == p.x1);
            BOOST_TEST(box.box->y2 == p.y2);
            if (i == 0) continue;
            const Group& funnel = scene.groups[2 * i - 1];
            BOOST_TEST(funnel.id == box_ids[i] + "-funnel");
            // Its front-top edge joins the previous box's front face to this one's.
            const Polyline& top = test::item<Polyline>(funnel, "front-top");
            const BoxPlacement q = canvas.placement(i - 1);
            BOOST_TEST(top.points.front().x == q.x2);
            BOOST_TEST(top.points.front().y == q.y1);
            BOOST_TEST(top.points.back().x == p.x1);
            BOOST_TEST(top.points.back().y == p.y1);
        }
    }
    // Reversed: the back edges first, then the boxes from the right, each after the front
    // edges of the funnel leaving it.
    o.draw_reversed = true;
    Scene reversed;
    emit_chain(reversed, canvas, pictures, ids);
    BOOST_TEST_REQUIRE(reversed.groups.size() == 3 * boxes.size() - 2);
    BOOST_TEST(reversed.groups[0].id == "conv-funnel-back");
    BOOST_TEST(reversed.groups[boxes.size() - 1].id == "dense");
    BOOST_TEST(reversed.groups.back().id == "input");
}

BOOST_AUTO_TEST_SUITE_END()
