// Presets that fit their page: every model of the test corpus drawn with `slides` fits a
// 1280 x 720 px slide and with `paper` a column 8.5 cm wide and 20 cm tall, margins included,
// on the SVG/PNG path and the LaTeX path alike; a figure that only fits drawn smaller says so.
// A height asked for bounds the figure, and level auto chooses the finest level that fits
// both the width and the height.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "corpus_models.hpp"
#include "reference_model.hpp"
#include "strata/import.hpp"
#include "strata/layout.hpp"
#include "strata/option_table.hpp"
#include "strata/render.hpp"
#include "style/length.hpp"

using namespace strata;

namespace {

namespace fs = std::filesystem;

constexpr double kSlack = 0.01;  // px

std::vector<std::string> corpus_models() {
    return test::corpus_models(STRATA_WITH_ONNX);
}

Options preset(const std::string& name) {
    Options options;
    apply_preset(options, name);
    return options;
}

bool warns_of_height(const Warnings& warnings) {
    return std::any_of(warnings.begin(), warnings.end(),
                       [](const Warning& w) { return w.where == "height"; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(preset_bounds)

BOOST_AUTO_TEST_CASE(every_corpus_model_fits_a_slide_and_a_column) {
    std::size_t figures = 0;
    for (const std::string& relative : corpus_models()) {
        Warnings load_warnings;
        const Model model =
            load_model(std::string(STRATA_CORPUS_DIR) + "/" + relative, load_warnings);
        for (const std::string name : {"slides", "paper"}) {
            const Options options = preset(name);
            const double width = length_in_px(options.width, "width");
            const double height = length_in_px(options.height, "height");
            BOOST_TEST_CONTEXT(relative << " --preset " << name) {
                Warnings warnings;
                const Scene scene = layout_layered(model, options, warnings);
                BOOST_TEST(scene.width <= width + kSlack);
                BOOST_TEST(scene.height <= height + kSlack);
                // The same bound for a .tex figure, at the document's size.
                Warnings latex_warnings;
                const FittedScene tex = layout_for_latex(
                    model, latex_defaults(options, LatexDocument{10, name == "slides"}),
                    latex_warnings);
                BOOST_TEST(tex.scene.width * tex.scale <= width + kSlack);
                BOOST_TEST(tex.scene.height * tex.scale <= height + kSlack);
                ++figures;
            }
        }
    }
    BOOST_TEST(figures >= 100u);
}

// ResNet-50 is the figure a slide overflowed with (829 x 840 px): it fits now, by blocks, and
// as a column figure it takes the column's width rather than being drawn by stages narrower.
BOOST_AUTO_TEST_CASE(resnet50_fills_its_slide_and_its_column) {
    Warnings load_warnings;
    const Model model =
        load_model(std::string(STRATA_CORPUS_DIR) + "/keras/resnet50_k230tf.json", load_warnings);
    Warnings warnings;
    const Scene slide = layout_layered(model, preset("slides"), warnings);
    BOOST_TEST(slide.width <= 1280 + kSlack);
    BOOST_TEST(slide.height <= 720 + kSlack);
    BOOST_TEST(slide.width >= 0.75 * 1280);
    const Scene column = layout_layered(model, preset("paper"), warnings);
    const double column_px = length_in_px("8.5cm", "width");
    BOOST_TEST(column.width <= column_px + kSlack);
    BOOST_TEST(column.width >= 0.75 * column_px);
    BOOST_TEST(column.level == "block");
    BOOST_TEST(!warns_of_height(warnings));
}

// A height no level and no box size reaches: the figure is drawn smaller, text included, to
// fit, and a warning says that its text is now too small to read.
BOOST_AUTO_TEST_CASE(a_figure_no_size_fits_is_scaled_to_the_height_with_a_warning) {
    Options options;
    options.width = "640px";
    options.height = "20px";
    options.text_callable = TextCallable::name;
    Warnings warnings;
    const Scene scene = layout_layered(test::reference_model(), options, warnings);
    BOOST_TEST(scene.height <= 20 + kSlack);
    BOOST_TEST(scene.width <= 640 + kSlack);
    BOOST_REQUIRE(warns_of_height(warnings));
    const auto it = std::find_if(warnings.begin(), warnings.end(),
                                 [](const Warning& w) { return w.where == "height"; });
    BOOST_TEST(it->message.find("too small to read") != std::string::npos, it->message);
    // Without the height the same figure is taller: the bound is what made it fit.
    options.height.clear();
    Warnings unbounded;
    BOOST_TEST(layout_layered(test::reference_model(), options, unbounded).height > 20);
    BOOST_TEST(!warns_of_height(unbounded));
}

// A height the figure reaches by the fitting's own means (rows, box sizes) leaves its text at
// its size and says nothing.
BOOST_AUTO_TEST_CASE(a_height_the_fitting_reaches_keeps_the_text_size) {
    Options options;
    options.width = "640px";
    options.text_callable = TextCallable::name;
    Warnings warnings;
    const Scene free = layout_layered(test::reference_model(), options, warnings);
    options.height = std::to_string(free.height - 10) + "px";
    const Scene bounded = layout_layered(test::reference_model(), options, warnings);
    BOOST_TEST(bounded.height <= free.height - 10 + kSlack);
    BOOST_TEST(!warns_of_height(warnings));
    for (const Group& g : bounded.groups) {
        for (const Primitive& item : g.items) {
            if (const auto* run = std::get_if<TextRun>(&item)) BOOST_TEST(run->font_size == 10);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
