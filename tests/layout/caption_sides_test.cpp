// Captions give way to the legs of lane connectors, which drop from the bottom of the box a lane
// leaves or joins: such a box takes its caption above it, or, when a skip meets its top too,
// keeps it below and right of its front face; neighbouring captions keep clear of the legs;
// captions above a row with ghost outlines keep clear of them.

#include <boost/test/unit_test.hpp>

#include <string>
#include <variant>
#include <vector>

#include "layout_context.hpp"
#include "reference_model.hpp"
#include "scene_checks.hpp"
#include "strata/render.hpp"

using namespace strata;
using test::layer;

namespace {

// stem → wide_neighbour_name → c2 → add1 (skip from stem over the top) → d1 → add2, with a lane
// proj from add1 into add2 (it leaves add1 and joins add2 through their bottoms).
Model residual_with_projection() {
    Model m;
    m.name = "residual_projection";
    m.layers = {layer("input", "InputLayer", {-1, 32, 32, 3}),
                layer("stem", "Conv2D", {-1, 32, 32, 16}, {0}),
                layer("a_rather_long_layer_name", "Conv2D", {-1, 32, 32, 16}, {1}),
                layer("c2", "Conv2D", {-1, 32, 32, 16}, {2}),
                layer("add1", "Add", {-1, 32, 32, 16}, {1, 3}),
                layer("d1", "Conv2D", {-1, 16, 16, 32}, {4}),
                layer("d2", "Conv2D", {-1, 16, 16, 32}, {5}),
                layer("proj", "Conv2D", {-1, 16, 16, 32}, {4}),
                layer("add2", "Add", {-1, 16, 16, 32}, {6, 7}),
                layer("out", "GlobalAveragePooling2D", {-1, 32}, {8})};
    m.inputs = {0};
    m.outputs = {{9, 0}};
    return m;
}

const Group* find_group(const Scene& scene, const std::string& id) {
    for (const Group& g : scene.groups) {
        if (g.id == id) return &g;
    }
    return nullptr;
}

// The extent of a group's text runs.
test::Extent text_of(const Group& g) {
    test::Extent e;
    for (const Primitive& item : g.items) {
        if (const auto* run = std::get_if<TextRun>(&item)) {
            const test::Extent r = test::text_extent(*run);
            e.add({r.left, r.top});
            e.add({r.right, r.bottom});
        }
    }
    return e;
}

// No caption over a box, a line or another text (the other text of the figure, ×N labels
// and legend, is laid out elsewhere).
void check_no_caption_over(Scene scene) {
    for (Group& g : scene.groups) {
        if (g.role == Role::caption) continue;
        std::erase_if(g.items,
                      [](const Primitive& item) { return std::holds_alternative<TextRun>(item); });
    }
    const std::vector<std::string> hits = test::texts_over_items(scene);
    for (const std::string& hit : hits) BOOST_TEST_MESSAGE("text over: " << hit);
    BOOST_TEST(hits.empty());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(caption_sides)

BOOST_AUTO_TEST_CASE(captions_give_way_to_lane_legs) {
    for (const char* width : {"", "241pt"}) {
        BOOST_TEST_CONTEXT("width " << width) {
            Options options;
            options.width = width;
            options.text_callable = TextCallable::name;
            const Scene scene = test::draw(residual_with_projection(), options);
            BOOST_TEST_REQUIRE(test::count_role(scene, Role::connector) >= 3u);
            check_no_caption_over(scene);
            // add2: a lane joins it from below and no skip meets its top: caption above.
            const Group* add2 = find_group(scene, "add2");
            const Group* add2_caption = find_group(scene, "add2-caption");
            BOOST_TEST_REQUIRE((add2 && add2_caption && add2->box));
            BOOST_TEST(text_of(*add2_caption).bottom < add2->box->y1 - add2->box->de);
            // add1: a skip arrives on top and the lane leaves below: caption below, right of
            // the glyph's front.
            const Group* add1 = find_group(scene, "add1");
            const Group* add1_caption = find_group(scene, "add1-caption");
            BOOST_TEST_REQUIRE((add1 && add1_caption && add1->box));
            BOOST_TEST(text_of(*add1_caption).top > add1->box->y2);
            BOOST_TEST(text_of(*add1_caption).left > add1->box->x2);
        }
    }
}

// Captions above the boxes of a row with a folded repeat stay clear of its ghost outlines.
BOOST_AUTO_TEST_CASE(captions_above_clear_ghost_outlines) {
    Warnings warnings;
    const Model model =
        load_model(std::string(STRATA_CORPUS_DIR) + "/keras/mobilenetv2_k212.json", warnings);
    Options options;
    options.width = "241pt";
    options.text_callable = TextCallable::name;
    options.caption_position = CaptionPosition::above;
    const Scene scene = test::draw(model, options);
    BOOST_TEST_REQUIRE(test::count_role(scene, Role::repeat) >= 1u);
    check_no_caption_over(scene);
}

BOOST_AUTO_TEST_SUITE_END()
