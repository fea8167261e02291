// `--expand`: named blocks or stages drawn layer by layer, in a frame titled with their name,
// inside a figure of blocks or stages. Measured on the scene.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "layout/detail/blocks.hpp"
#include "layout_context.hpp"
#include "scene_checks.hpp"
#include "strata/error.hpp"
#include "strata/layout.hpp"
#include "strata/render.hpp"
#include "style/length.hpp"

using namespace strata;

namespace {

Model corpus(const std::string& relative) {
    Warnings warnings;
    return load_model(std::string(STRATA_CORPUS_DIR) + "/" + relative, warnings);
}

// The names of the layers of the block named `name`, as the scene labels them.
std::set<std::string> layers_of_block(const Model& model, const std::string& name) {
    std::set<std::string> names;
    for (const auto& b : layout::detail::find_blocks(model).blocks) {
        if (b.name != name) continue;
        for (std::size_t l : b.layers) names.insert(model.layers[l].name);
    }
    return names;
}

// Boxes (layers and merge glyphs) by name.
std::set<std::string> drawn(const Scene& scene) {
    std::set<std::string> names;
    for (const Group& g : scene.groups) {
        if (g.role == Role::layer || g.role == Role::merge) names.insert(g.label);
    }
    return names;
}

std::size_t blocks(const Scene& scene) {
    return static_cast<std::size_t>(
        std::count_if(scene.groups.begin(), scene.groups.end(),
                      [](const Group& g) { return g.role == Role::layer && g.type == "Block"; }));
}

// The frames of a scene: their titles.
std::vector<std::string> frames(const Scene& scene) {
    std::vector<std::string> titles;
    for (const Group& g : scene.groups) {
        if (g.role == Role::group) titles.push_back(g.label);
    }
    return titles;
}

// Every box named in `names` lies inside the frame titled `title`.
void check_framed(const Scene& scene, const std::string& title,
                  const std::set<std::string>& names) {
    double x1 = 1e9, y1 = 1e9, x2 = -1e9, y2 = -1e9;
    for (const Group& g : scene.groups) {
        if (g.role != Role::group || g.label != title) continue;
        for (const Primitive& item : g.items) {
            if (const auto* p = std::get_if<Polygon>(&item)) {
                for (const Point& pt : p->points) {
                    x1 = std::min(x1, pt.x);
                    y1 = std::min(y1, pt.y);
                    x2 = std::max(x2, pt.x);
                    y2 = std::max(y2, pt.y);
                }
            }
        }
    }
    BOOST_REQUIRE(x1 < x2);
    for (const Group& g : scene.groups) {
        if (!g.box || names.count(g.label) == 0) continue;
        BOOST_TEST_CONTEXT(g.label) {
            BOOST_TEST(g.box->x1 >= x1);
            BOOST_TEST(g.box->x2 <= x2);
            BOOST_TEST(g.box->y1 >= y1);
            BOOST_TEST(g.box->y2 <= y2);
        }
    }
}

// One block of ResNet-50 expanded: exactly its layers are drawn, in a frame with its name; the
// other fifteen blocks stay boxes of their own.
void check_one_block_expanded(const Model& model, const std::string& block) {
    Options options;
    options.level = Level::block;
    options.collapse = Collapse::none;
    const Scene coarse = test::draw(model, options);
    options.expand = {block};
    const Scene scene = test::draw(model, options);
    const std::set<std::string> inside = layers_of_block(model, block);
    BOOST_REQUIRE(inside.size() >= 4u);
    std::set<std::string> expected = drawn(coarse);
    expected.erase(block);
    expected.insert(inside.begin(), inside.end());
    BOOST_TEST(drawn(scene) == expected, boost::test_tools::per_element());
    BOOST_TEST(blocks(coarse) == 16u);
    BOOST_TEST(blocks(scene) == 15u);
    BOOST_TEST(frames(scene) == std::vector<std::string>{block}, boost::test_tools::per_element());
    check_framed(scene, block, inside);
}

// The rectangles of the frame titled `title`: left, top, right, bottom.
std::vector<std::array<double, 4>> frame_rectangles(const Scene& scene, const std::string& title) {
    std::vector<std::array<double, 4>> rects;
    for (const Group& g : scene.groups) {
        if (g.role != Role::group || g.label != title) continue;
        for (const Primitive& item : g.items) {
            const auto* p = std::get_if<Polygon>(&item);
            if (!p || p->points.empty()) continue;
            std::array<double, 4> r{1e9, 1e9, -1e9, -1e9};
            for (const Point& pt : p->points) {
                r[0] = std::min(r[0], pt.x);
                r[1] = std::min(r[1], pt.y);
                r[2] = std::max(r[2], pt.x);
                r[3] = std::max(r[3], pt.y);
            }
            rects.push_back(r);
        }
    }
    return rects;
}

// A frame holds every box (its depth and ×N ghosts too) whose layer `inside` names, and cuts
// no other: each of those lies in one of its rectangles, each other one clear of them all.
void check_frame_clears_the_rest(const Scene& scene, const std::string& title,
                                 const std::function<bool(const std::string&)>& inside) {
    const auto rects = frame_rectangles(scene, title);
    BOOST_REQUIRE(!rects.empty());
    constexpr double kSlack = 0.01;
    const auto check = [&](const std::string& name, std::array<double, 4> e, bool member) {
        bool within = false, touches = false;
        for (const auto& r : rects) {
            within = within || (e[0] >= r[0] - kSlack && e[1] >= r[1] - kSlack &&
                                e[2] <= r[2] + kSlack && e[3] <= r[3] + kSlack);
            touches = touches || (e[0] < r[2] - kSlack && e[2] > r[0] + kSlack &&
                                  e[1] < r[3] - kSlack && e[3] > r[1] + kSlack);
        }
        BOOST_TEST_CONTEXT(title << " and " << name) {
            BOOST_TEST(within == member);
            if (!member) BOOST_TEST(!touches);
        }
    };
    for (const Group& g : scene.groups) {
        if ((g.role == Role::layer || g.role == Role::merge) && g.box) {
            const BoxGeometry& b = *g.box;
            check(g.label, {b.x1, b.y1 - b.de, b.x2 + b.de, b.y2}, inside(g.label));
        }
        if (g.role != Role::repeat) continue;
        // Ghosts: the repeat of a member lies inside, any other outside.
        const std::string unit = g.label.substr(g.label.find(": ") + 2);
        for (const Primitive& item : g.items) {
            const auto* p = std::get_if<Polygon>(&item);
            if (!p || p->points.empty()) continue;
            std::array<double, 4> e{1e9, 1e9, -1e9, -1e9};
            for (const Point& pt : p->points) {
                e[0] = std::min(e[0], pt.x);
                e[1] = std::min(e[1], pt.y);
                e[2] = std::max(e[2], pt.x);
                e[3] = std::max(e[3], pt.y);
            }
            check("ghost of " + unit, e, inside(unit));
        }
    }
}

std::string error_of(const Model& model, const Options& options) {
    try {
        test::draw(model, options);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(expand)

BOOST_AUTO_TEST_CASE(keras_resnet50_one_block_layer_by_layer) {
    check_one_block_expanded(corpus("generated/resnet50.json"), "conv3_block2");
}

BOOST_AUTO_TEST_CASE(onnx_resnet50_one_block_layer_by_layer,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    check_one_block_expanded(corpus("onnx/resnet50.onnx"), "layer2.1");
}

BOOST_AUTO_TEST_CASE(a_stage_expands_all_its_blocks_in_one_frame) {
    const Model model = corpus("generated/resnet50.json");
    Options options;
    options.level = Level::stage;
    options.collapse = Collapse::none;  // exact would fold conv3_block2–4 inside the frame
    options.expand = {"conv3"};
    const Scene scene = test::draw(model, options);
    // conv2, conv4, conv5 stay stages; conv3's four blocks are drawn layer by layer.
    BOOST_TEST(blocks(scene) == 3u);
    std::set<std::string> inside;
    for (const char* b : {"conv3_block1", "conv3_block2", "conv3_block3", "conv3_block4"}) {
        const std::set<std::string> more = layers_of_block(model, b);
        inside.insert(more.begin(), more.end());
    }
    const std::set<std::string> shown = drawn(scene);
    for (const std::string& name : inside) BOOST_TEST(shown.count(name) == 1u, name);
    BOOST_TEST(frames(scene) == std::vector<std::string>{"conv3"},
               boost::test_tools::per_element());
    check_framed(scene, "conv3", inside);
    // At level block the stage's blocks are expanded alike, in one frame.
    options.level = Level::block;
    const Scene at_block = test::draw(model, options);
    BOOST_TEST(blocks(at_block) == 12u);
    BOOST_TEST(frames(at_block) == std::vector<std::string>{"conv3"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_stage_frame_holds_exactly_its_layers_and_cuts_no_other_box) {
    // ResNet-50 as Keras names it: the stage conv3 is every layer named conv3_…, between the
    // stages conv2 and conv4 drawn ×N with ghosts; a lane (the projection shortcut) starts
    // in the frame right after conv2. Without a width, in a column, and a page.
    const Model model = corpus("keras/resnet50_k230tf.json");
    const auto in_conv3 = [](const std::string& name) { return name.rfind("conv3_", 0) == 0; };
    for (const char* width : {"", "241pt", "17cm"}) {
        BOOST_TEST_CONTEXT("width '" << width << "'") {
            Options options;
            options.level = Level::stage;
            options.expand = {"conv3"};
            options.width = width;
            const Scene scene = test::draw(model, options);
            BOOST_TEST(frames(scene) == std::vector<std::string>{"conv3"},
                       boost::test_tools::per_element());
            check_frame_clears_the_rest(scene, "conv3", in_conv3);
            if (*width) BOOST_TEST(scene.width <= length_in_px(width, "width") + 0.5);
        }
    }
    // A block expanded among blocks in a column: its frame cuts no neighbour either.
    Options options;
    options.expand = {"conv3_block2"};
    options.width = "241pt";
    const Scene scene = test::draw(model, options);
    BOOST_TEST(scene.level == "block");
    check_frame_clears_the_rest(scene, "conv3_block2", [](const std::string& name) {
        return name.rfind("conv3_block2_", 0) == 0;
    });
}

BOOST_AUTO_TEST_CASE(an_expanded_stage_too_long_for_a_column_shows_its_blocks,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    // DenseNet-121's second dense block is 72 layers whose dense connections leave no row
    // break: in a column it is drawn block by block, each dense layer one box, in its frame.
    const Model model = corpus("onnx/densenet121.onnx");
    Options options;
    options.width = "241pt";
    options.expand = {"denseblock2"};
    Warnings warnings;
    const Scene scene = test::draw(model, options, warnings);
    BOOST_TEST(scene.level == "stage");
    BOOST_TEST(scene.width <= 241 / 0.75 + 0.5);
    BOOST_TEST(warnings.empty());
    BOOST_TEST(frames(scene) == std::vector<std::string>{"features.denseblock2"},
               boost::test_tools::per_element());
    std::size_t dense_layers = 0;
    for (const Group& g : scene.groups)
        dense_layers += g.role == Role::layer && g.label.rfind("features.denseblock2.", 0) == 0;
    BOOST_TEST(dense_layers == 12u);
    check_frame_clears_the_rest(scene, "features.denseblock2", [](const std::string& name) {
        return name.rfind("features.denseblock2.", 0) == 0;
    });
    // Asked for at level stage, the same.
    options.level = Level::stage;
    BOOST_TEST(test::draw(model, options).width <= 241 / 0.75 + 0.5);
}

BOOST_AUTO_TEST_CASE(names_as_labels_write_them,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    // A stage named by a range, written with a hyphen or an en dash.
    const Model model = corpus("onnx/mobilenet_v2.onnx");
    Options options;
    options.level = Level::stage;
    options.expand = {"features.4-6"};
    const Scene scene = test::draw(model, options);
    BOOST_TEST(frames(scene) == std::vector<std::string>{"features.4\u20136"},
               boost::test_tools::per_element());
    options.expand = {"features.4\u20136"};
    BOOST_TEST(frames(test::draw(model, options)) == frames(scene),
               boost::test_tools::per_element());
    // The inner part of a module path, as a ×N label shows it, when no other name ends so.
    const Model densenet = corpus("onnx/densenet121.onnx");
    options.expand = {"denseblock2"};
    BOOST_TEST(
        frames(test::draw(densenet, options)) == std::vector<std::string>{"features.denseblock2"},
        boost::test_tools::per_element());
    options.expand = {"1"};
    BOOST_TEST(error_of(corpus("onnx/resnet50.onnx"), options) ==
               "expand: '1' ends 4 names ('layer1.1', 'layer2.1', 'layer3.1', \u2026): give the "
               "whole name");
}

BOOST_AUTO_TEST_CASE(auto_keeps_an_expanded_block_a_unit_of_its_own) {
    const Model model = corpus("generated/resnet50.json");
    Options options;
    options.level = Level::automatic;
    options.width = "4cm";
    BOOST_TEST(test::draw(model, options).level == "stage");
    // A block cannot be expanded among stages: the blocks are drawn, that one by its layers.
    options.expand = {"conv4_block3"};
    const Scene scene = test::draw(model, options);
    BOOST_TEST(scene.level == "block");
    BOOST_TEST(frames(scene) == std::vector<std::string>{"conv4_block3"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_wrong_name_is_an_error_that_says_what_is_near) {
    const Model model = corpus("generated/resnet50.json");
    Options options;
    options.level = Level::block;
    options.expand = {"conv3_blok2"};
    BOOST_TEST(error_of(model, options) ==
               "expand: no block or stage named 'conv3_blok2' (nearest: 'conv3_block2', "
               "'conv2_block2', 'conv3_block1', 'conv3_block3', 'conv3_block4')");
    // Also at level layer, where nothing is coarsened.
    options.level = Level::layer;
    BOOST_TEST(!error_of(model, options).empty());
    options.level = Level::block;
    options.expand = {"conv3_block2_1_conv"};
    BOOST_TEST(
        error_of(model, options) ==
        "expand: 'conv3_block2_1_conv' is a layer of block 'conv3_block2': expand the block");
    options.level = Level::stage;
    options.expand = {"conv3_block2"};
    BOOST_TEST(error_of(model, options) ==
               "expand: 'conv3_block2' is a block and this figure draws stages: expand its stage "
               "'conv3', or draw blocks (level block)");
    // A model without blocks.
    options.expand = {"block1"};
    BOOST_TEST(error_of(corpus("keras/vgg16_functional_k224.json"), options) ==
               "expand: no block or stage named 'block1': this model has no blocks or stages");
}

// A residual block drawn layer by layer inside its skip is a row no break can shorten: with a
// caption under each of its ten layers it is wider than a column at the text's own size. Its
// captions go above and below in turn, off the skip's legs, and its text as large as fits,
// never under 6 pt: the figure keeps to the column, with no warning and no text over a line
// (it was 602 px wide for 321).
BOOST_AUTO_TEST_CASE(an_expanded_block_with_captions_keeps_to_a_column) {
    Options options;
    options.width = "241pt";
    options.level = Level::automatic;
    options.text_callable = TextCallable::name;
    options.expand = {"conv3_block2"};
    Warnings warnings;
    const Scene scene = layout_layered(corpus("keras/resnet50_k230tf.json"), options, warnings);
    BOOST_TEST(scene.width <= length_in_px("241pt", "width") + 0.5);
    BOOST_TEST(warnings.empty(), (warnings.empty() ? std::string() : warnings.front().message));
    BOOST_TEST(test::texts_under(scene, 6, 1).empty());
    const std::vector<std::string> over = test::texts_over_items(scene);
    BOOST_TEST(over.empty(), (over.empty() ? std::string() : over.front()));
}

BOOST_AUTO_TEST_SUITE_END()
