// Connectors stay clear of the boxes: no skip leg, bus tap, branch or carriage return passes
// through a box or a merge glyph, at every level of detail and at a paper's widths.

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "layout_context.hpp"
#include "reference_model.hpp"
#include "scene_checks.hpp"
#include "strata/render.hpp"

using namespace strata;
using test::layer;

namespace {

Model corpus(const std::string& relative) {
    Warnings warnings;
    return load_model(std::string(STRATA_CORPUS_DIR) + "/" + relative, warnings);
}

// A squeeze-and-excitation block right after a large input, as MobileNetV3 begins: the
// depthwise convolution's output is smaller than the boxes before it, whose depth reaches over
// all of it, and the skip to the product leaves from its top.
Model squeeze_excitation_after_large_input() {
    Model m;
    m.name = "se_block";
    m.layers = {layer("input", "InputLayer", {-1, 224, 224, 3}),
                layer("stem", "Conv2D", {-1, 112, 112, 16}, {0}),
                layer("depthwise", "DepthwiseConv2D", {-1, 56, 56, 16}, {1}),
                layer("squeeze", "GlobalAveragePooling2D", {-1, 16}, {2}),
                layer("reduce", "Dense", {-1, 8}, {3}),
                layer("expand", "Dense", {-1, 16}, {4}),
                layer("excite", "Multiply", {-1, 56, 56, 16}, {2, 5}),
                layer("project", "Conv2D", {-1, 56, 56, 16}, {6})};
    m.inputs = {0};
    m.outputs = {{7, 0}};
    return m;
}

void check_clear(const Scene& scene) {
    const std::vector<std::string> hits = test::connectors_through_boxes(scene);
    for (const std::string& hit : hits) BOOST_TEST_MESSAGE("through a box: " << hit);
    BOOST_TEST(hits.empty());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(connector_clearance)

// The skip rises from the top of a box the depth of the input and stem would cover: the box
// stands out from under them, and the skip's leg rises clear.
BOOST_AUTO_TEST_CASE(skip_from_a_box_under_earlier_depth) {
    const Scene scene = test::draw(squeeze_excitation_after_large_input(), Options{});
    BOOST_TEST(test::count_role(scene, Role::connector) == 1u);
    check_clear(scene);
}

// MobileNetV3's first squeeze-and-excitation skip, in the small network and in the backbone of
// DeepLabV3: clear of the input box at every level and width.
BOOST_AUTO_TEST_CASE(mobilenet_v3_first_squeeze_excitation,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    for (const char* file :
         {"onnx/mobilenet_v3_small.onnx", "onnx/deeplabv3_mobilenet_v3_large.onnx"}) {
        const Model model = corpus(file);
        for (const Level level : {Level::layer, Level::block, Level::stage}) {
            for (const char* width : {"", "241pt", "17cm"}) {
                BOOST_TEST_CONTEXT(file << " level " << static_cast<int>(level) << " width "
                                        << width) {
                    Options options;
                    options.level = level;
                    options.width = width;
                    check_clear(test::draw(model, options));
                }
            }
        }
    }
}

// Captions push Xception's spine right of the lane that its row's carriage return feeds: the
// return comes down left of that lane too, and the branch reaches its first box from the left
// instead of running back through it.
BOOST_AUTO_TEST_CASE(carriage_return_left_of_a_lane_that_starts_first) {
    const Model model = corpus("keras/xception_k214.json");
    for (const char* width : {"241pt", "17cm"}) {
        BOOST_TEST_CONTEXT(width) {
            Options options;
            options.width = width;
            options.text_callable = TextCallable::name_shape;
            const Scene scene = test::draw(model, options);
            check_clear(scene);
            BOOST_TEST(test::outside_canvas(scene).empty());
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
