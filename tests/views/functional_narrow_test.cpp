#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "layout/corpus_models.hpp"
#include "strata/import.hpp"
#include "strata/layout.hpp"
#include "strata/option_table.hpp"

using namespace strata;

namespace {

struct Box {
    double left, top, right, bottom;
    bool meets(const Box& o) const {
        // Touching edges and rounding do not count.
        constexpr double kSlack = 0.5;
        return left < o.right - kSlack && o.left < right - kSlack && top < o.bottom - kSlack &&
               o.top < bottom - kSlack;
    }
};

// Whether a model merges branches (a layer with two producers or more).
bool branching(const Model& model) {
    return std::any_of(model.layers.begin(), model.layers.end(),
                       [](const Layer& l) { return l.inputs.size() >= 2; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(functional_narrow)

// The corpus's branching models in the functional view at a column's width (8.5 cm) with
// their names, or names and shapes, under the boxes, at level auto: the figure is no wider,
// no text is smaller than min_font_size (6 pt: 8 px), and no text runs into a box or into
// other text.
BOOST_AUTO_TEST_CASE(branching_models_are_legible_at_a_column_width) {
    std::size_t drawn = 0;
    for (const std::filesystem::path& path : test::every_corpus_model_file()) {
        Warnings load_warnings;
        const Model model = load_model(path.string(), load_warnings);
        if (!branching(model) || model.layers.size() > 400) continue;
        for (const char* callable : {"name", "name_shape"}) {
            BOOST_TEST_CONTEXT(path.filename().string() << " " << callable) {
                Options o;
                set_option(o, "view", "functional", "test");
                set_option(o, "level", "auto", "test");
                set_option(o, "width", "8.5cm", "test");
                set_option(o, "text_callable", callable, "test");
                Warnings warnings;
                const Scene s = layout_layered(model, o, warnings);
                BOOST_TEST(s.width <= 8.5 / 2.54 * 96 + 0.5);
                std::vector<Box> boxes, texts;
                for (const Group& g : s.groups) {
                    if (g.role == Role::layer && g.box)
                        boxes.push_back(
                            {g.box->x1, g.box->y1 - g.box->de, g.box->x2 + g.box->de, g.box->y2});
                    for (const Primitive& p : g.items)
                        if (const auto* run = std::get_if<TextRun>(&p)) {
                            BOOST_TEST(run->font_size >= 8 - 0.01);
                            // x is the run's left end whatever its anchor.
                            texts.push_back({run->x, run->y - run->ascent, run->x + run->advance,
                                             run->y + run->descent});
                        }
                }
                for (std::size_t i = 0; i < texts.size(); ++i) {
                    for (const Box& b : boxes) BOOST_TEST(!texts[i].meets(b));
                    for (std::size_t j = i + 1; j < texts.size(); ++j)
                        BOOST_TEST(!texts[i].meets(texts[j]));
                }
                ++drawn;
            }
        }
    }
    BOOST_TEST(drawn >= 10u);
}

// The view's default level is auto, as the layered view's: at a column's width ResNet-50 is
// drawn in blocks with text no smaller than min_font_size (at level layer it is a tall strip
// with 2 pt text), and without a width every layer is drawn as at level layer.
BOOST_AUTO_TEST_CASE(default_level_is_auto) {
    Warnings load_warnings;
    const Model model =
        load_model(std::string(STRATA_CORPUS_DIR) + "/onnx/resnet50.onnx", load_warnings);
    const auto layer_boxes = [](const Scene& s) {
        return std::count_if(s.groups.begin(), s.groups.end(),
                             [](const Group& g) { return g.role == Role::layer && g.box; });
    };
    Options narrow;
    set_option(narrow, "view", "functional", "test");
    set_option(narrow, "width", "8.5cm", "test");
    Warnings warnings;
    const Scene fitted = layout_layered(model, narrow, warnings);
    BOOST_TEST(fitted.level != "layer");
    BOOST_TEST(fitted.height <= 12 / 2.54 * 96);
    for (const Group& g : fitted.groups)
        for (const Primitive& p : g.items)
            if (const auto* run = std::get_if<TextRun>(&p)) BOOST_TEST(run->font_size >= 8 - 0.01);

    Options free, every_layer;
    set_option(free, "view", "functional", "test");
    set_option(every_layer, "view", "functional", "test");
    set_option(every_layer, "level", "layer", "test");
    const Scene drawn = layout_layered(model, free, warnings);
    BOOST_TEST(layer_boxes(drawn) == layer_boxes(layout_layered(model, every_layer, warnings)));
    BOOST_TEST(layer_boxes(drawn) > 50);
}

BOOST_AUTO_TEST_SUITE_END()
