// A figure LaTeX sets at a width: the package draws the fitted scene's geometry multiplied by
// its scale and the text at the size the scene gives times that scale. In print, the legend
// keeps the proportions it has at its own size (swatches about as tall as their text), and no
// text is smaller than min_font_size.

#include <boost/test/unit_test.hpp>

#include <algorithm>

#include <string>
#include <variant>
#include <vector>

#include "scene_checks.hpp"
#include "strata/render.hpp"
#include "style/length.hpp"

using namespace strata;

namespace {

Model corpus(const std::string& relative) {
    Warnings warnings;
    return load_model(std::string(STRATA_CORPUS_DIR) + "/" + relative, warnings);
}

// Each box swatch of the legend: its height over its label's font size (scene units).
std::vector<double> swatch_per_text(const Scene& scene) {
    std::vector<double> ratios;
    for (const Group& g : scene.groups) {
        if (g.role != Role::legend) continue;
        test::Extent swatch;
        double size = 0;
        for (const Primitive& item : g.items) {
            if (const auto* run = std::get_if<TextRun>(&item)) {
                size = run->font_size;
            } else if (std::holds_alternative<Polygon>(item)) {
                const test::Extent e = test::extent(item);
                swatch.add({e.left, e.top});
                swatch.add({e.right, e.bottom});
            }
        }
        if (!swatch.empty() && size > 0) ratios.push_back((swatch.bottom - swatch.top) / size);
    }
    return ratios;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(latex_scale)

// Narrower than the width at its own size, a figure is drawn larger by LaTeX, its text still
// at the document's size: the example paper's VGG16 in a column (5 % larger), a small Keras
// CNN with name captions across a page (44 % larger). Its legend's swatches keep the proportion to
// their text that the figure has in SVG.
BOOST_AUTO_TEST_CASE(growth_keeps_legend_swatches_at_text_height) {
    struct Case {
        std::string file;
        const char* width;
        double font_pt;
        SizingMode sizing;
        TextCallable captions;
        double least_growth;
    };
    const std::string examples = std::string(STRATA_SOURCE_DIR) + "/examples/";
    const std::string keras = std::string(STRATA_CORPUS_DIR) + "/keras/";
    // \strataFigure[legend, sizing-mode=balanced, text size=\footnotesize]{vgg16.json}
    for (const Case& c :
         {Case{examples + "vgg16.json", "241pt", 8, SizingMode::balanced, TextCallable::none, 1.04},
          Case{keras + "behavioral_cloning_lambda_k206.json", "17cm", 10, SizingMode::accurate,
               TextCallable::name, 1.4}}) {
        BOOST_TEST_CONTEXT(c.file << " at " << c.width) {
            Warnings warnings;
            const Model model = load_model(c.file, warnings);
            Options options = latex_defaults(Options{}, {.font_pt = c.font_pt});
            options.width = c.width;
            options.level = Level::layer;  // the growth of a figure of layers
            options.legend = true;
            options.sizing_mode = c.sizing;
            options.text_callable = c.captions;
            const Scene drawn = layout_layered(model, options, warnings);
            const FittedScene latex = layout_for_latex(model, options, warnings);
            BOOST_TEST_REQUIRE(latex.scale > c.least_growth);  // drawn larger than laid out
            const std::vector<double> own = swatch_per_text(drawn);
            const std::vector<double> printed = swatch_per_text(latex.scene);
            BOOST_TEST_REQUIRE(!own.empty());
            BOOST_TEST_REQUIRE(own.size() == printed.size());
            for (std::size_t k = 0; k < own.size(); ++k) {
                BOOST_TEST(printed[k] == own[k], boost::test_tools::tolerance(0.01));
                BOOST_TEST(printed[k] <= 1.6);
            }
            BOOST_TEST(test::outside_canvas(latex.scene).empty());
        }
    }
}

// Text the document sets smaller than min_font_size (\tiny, 5 pt) is raised to it, and stays
// at it in print whatever scale the package draws the picture at: captions, ×N labels, legend.
// Only a figure held at level layer whose captions do not fit the width at that size prints
// smaller (a column is never overfull), and a warning says so.
BOOST_AUTO_TEST_CASE(no_text_under_min_font_size_in_print) {
    for (const char* file : {"generated/vgg16.json", "keras/tfjs_teachable_machine_nested_seq.json",
                             "generated/resnet50.json"}) {
        const Model model = corpus(file);
        for (const Level level : {Level::layer, Level::automatic}) {
            for (const char* width : {"241pt", "17cm"}) {
                BOOST_TEST_CONTEXT(file << " level " << static_cast<int>(level) << " at "
                                        << width) {
                    Options options = latex_defaults(Options{}, {.font_pt = 5});
                    options.width = width;
                    options.level = level;
                    options.legend = true;
                    options.text_callable = TextCallable::name;
                    Warnings warnings;
                    const FittedScene latex = layout_for_latex(model, options, warnings);
                    const std::vector<std::string> small =
                        test::texts_under(latex.scene, options.min_font_size - 1e-6, latex.scale);
                    for (const std::string& s : small) BOOST_TEST_MESSAGE("small: " << s);
                    const bool said =
                        std::any_of(warnings.begin(), warnings.end(), [](const Warning& w) {
                            return w.message.find("smaller than min_font_size") !=
                                   std::string::npos;
                        });
                    BOOST_TEST((small.empty() || (level == Level::layer && said)));
                    const double drawn = latex.scene.width * latex.scale;
                    BOOST_TEST(drawn <= length_in_px(width, "width") + 0.01);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
