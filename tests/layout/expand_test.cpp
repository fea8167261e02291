// `--expand`: named blocks or stages drawn layer by layer, in a frame titled with their name,
// inside a figure of blocks or stages. Measured on the scene.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "layout/detail/blocks.hpp"
#include "layout_context.hpp"
#include "strata/error.hpp"
#include "strata/render.hpp"

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

BOOST_AUTO_TEST_SUITE_END()
