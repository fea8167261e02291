// ×N labels, group titles and captions of figures with frames (--expand) and stage brackets
// (stages) keep off the frames' outlines, and the labels strata writes itself (×N, brackets,
// titles) off every line and every other text: the corpus's models with blocks and stages
// (DenseNet, ResNet, Inception, MobileNet, Swin) at a column's width and a page's, with and
// without captions, at level block and stage, with a stage or a block expanded. (Captions over
// lines are the paper sweep's.) The figures known to fail are listed: the test fails when one
// passes, so that the list only shrinks.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "layout/detail/blocks.hpp"
#include "scene_checks.hpp"
#include "strata/layout.hpp"
#include "strata/render.hpp"

using namespace strata;

namespace {

struct Figure {
    Level level;
    bool stages;
    std::string expand;  // a block or stage drawn layer by layer, or none
};

// The figures a model is drawn as: blocks and stages with brackets, and with the second
// stage expanded, and its first block.
std::vector<Figure> figures_of(const Model& model) {
    const layout::detail::BlockStructure structure = layout::detail::find_blocks(model);
    std::vector<Figure> figures = {{Level::block, true, ""}, {Level::stage, true, ""}};
    if (structure.stages.size() > 1) {
        const layout::detail::Stage& stage = structure.stages[1];
        figures.push_back({Level::stage, true, stage.name});
        figures.push_back({Level::automatic, true, stage.name});
        if (!stage.blocks.empty()) {
            const std::string block = structure.blocks[stage.blocks.front()].name;
            figures.push_back({Level::block, true, block});
            figures.push_back({Level::automatic, false, block});
        }
    }
    return figures;
}

// None known now; a figure found failing goes here until it is fixed.
const std::vector<std::string> kKnownFailures = {};

// The texts strata writes itself over a line or another text: "text / what it is over".
std::vector<std::string> own_labels_over_items(const Scene& scene) {
    Scene own = scene;
    for (Group& g : own.groups) {
        if (g.role != Role::caption) continue;
        std::erase_if(g.items,
                      [](const Primitive& item) { return std::holds_alternative<TextRun>(item); });
    }
    return test::texts_over_items(own);
}

const char* name_of(Level level) {
    return level == Level::block ? "block" : level == Level::stage ? "stage" : "auto";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(frame_labels)

BOOST_AUTO_TEST_CASE(labels_keep_off_frames_brackets_and_lines) {
    std::vector<std::string> models = {"keras/resnet50_k230tf.json", "keras/mobilenetv2_k212.json"};
#if STRATA_WITH_ONNX
    for (const char* onnx : {"onnx/densenet121.onnx", "onnx/resnet50.onnx", "onnx/googlenet.onnx",
                             "onnx/mobilenet_v3_small.onnx", "onnx/swin_t.onnx"})
        models.push_back(onnx);
#endif
    std::size_t drawn = 0;
    for (const std::string& relative : models) {
        Warnings load_warnings;
        const Model model =
            load_model(std::string(STRATA_CORPUS_DIR) + "/" + relative, load_warnings);
        for (const Figure& f : figures_of(model)) {
            for (const char* width : {"241pt", "17cm"}) {
                for (const TextCallable captions : {TextCallable::none, TextCallable::name}) {
                    Options options;
                    options.width = width;
                    options.level = f.level;
                    options.stages = f.stages;
                    if (!f.expand.empty()) options.expand = {f.expand};
                    options.text_callable = captions;
                    Warnings warnings;
                    const Scene scene = layout_layered(model, options, warnings);
                    ++drawn;
                    std::ostringstream name;
                    name << relative << " " << width << " level " << name_of(f.level)
                         << (f.stages ? " stages" : "") << " expand '" << f.expand << "' captions "
                         << (captions == TextCallable::name ? "name" : "none");
                    const std::vector<std::string> frames = test::texts_over_frames(scene);
                    const std::vector<std::string> over = own_labels_over_items(scene);
                    const bool known = std::find(kKnownFailures.begin(), kKnownFailures.end(),
                                                 name.str()) != kKnownFailures.end();
                    BOOST_TEST_CONTEXT(name.str()) {
                        if (known) {
                            BOOST_TEST(!(frames.empty() && over.empty()),
                                       "passes now: take it out of the known failures");
                        } else {
                            BOOST_TEST(frames.empty(), (frames.empty() ? "" : frames.front()));
                            BOOST_TEST(over.empty(), (over.empty() ? "" : over.front()));
                        }
                    }
                }
            }
        }
    }
    BOOST_TEST(drawn >= 40u);
}

#if STRATA_WITH_ONNX
// Known: the captions of the lanes that begin a row, where the branches leave the line from
// the row before, over that line's trunk.
const std::vector<std::string> kKnownGoogLeNetFailures = {
    "inception3a\u2013b level block",
    "inception3a\u2013b level block legend",
    "inception4a\u2013e level block",
    "inception4a\u2013e level block legend",
};

// GoogLeNet at a page's width with names, each of its stages and Inception modules expanded
// in turn (the modules drawn layer by layer, their four branches side by side), with and
// without a legend: no text over a box, a line or another text, captions included. The
// figures known to fail are listed: the test fails when one passes.
BOOST_AUTO_TEST_CASE(googlenet_with_a_stage_expanded_sets_no_text_over_lines) {
    Warnings load_warnings;
    const Model model =
        load_model(std::string(STRATA_CORPUS_DIR) + "/onnx/googlenet.onnx", load_warnings);
    const layout::detail::BlockStructure structure = layout::detail::find_blocks(model);
    BOOST_TEST_REQUIRE(structure.stages.size() > 1u);
    // A stage at every level; a block where blocks are drawn.
    std::vector<std::pair<std::string, std::vector<Level>>> expanded;
    for (const layout::detail::Stage& stage : structure.stages)
        expanded.push_back({stage.name, {Level::block, Level::stage, Level::automatic}});
    for (const layout::detail::Block& block : structure.blocks)
        expanded.push_back({block.name, {Level::block}});
    for (const auto& [name, levels] : expanded) {
        for (const Level level : levels) {
            for (const bool legend : {false, true}) {
                Options options;
                options.width = "17cm";
                options.level = level;
                options.stages = true;
                options.expand = {name};
                options.legend = legend;
                options.text_callable = TextCallable::name;
                Warnings warnings;
                const Scene scene = layout_layered(model, options, warnings);
                const std::vector<std::string> over = test::texts_over_items(scene);
                const std::string figure =
                    name + " level " + name_of(level) + (legend ? " legend" : "");
                const bool known =
                    std::find(kKnownGoogLeNetFailures.begin(), kKnownGoogLeNetFailures.end(),
                              figure) != kKnownGoogLeNetFailures.end();
                BOOST_TEST_CONTEXT(figure) {
                    if (known) {
                        BOOST_TEST(!over.empty(), "passes now: take it out of the known failures");
                    } else {
                        BOOST_TEST(over.empty(), (over.empty() ? "" : over.front()));
                    }
                }
            }
        }
    }
}
#endif

BOOST_AUTO_TEST_SUITE_END()
