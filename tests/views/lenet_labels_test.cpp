// What the lenet view's labels say and where they go: the built-in label choices, each layer's
// own label, one rule for the size label of a sequence, the paddings in a fitted figure; and
// the options that are counts or gaps refusing what they cannot be.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "strata/error.hpp"
#include "views/lenet_support.hpp"

using namespace strata;
using namespace strata::test;

namespace {

const Model& cnn() {
    static const Model model = lenet_model("keras/fer2013_cnn.json");
    return model;
}

// Embedding, Conv1D, MaxPooling1D, LSTM, Dense: sequences of two kinds, then vectors.
const Model& sequences() {
    static const Model model = lenet_model("keras/imdb_conv1d_lstm_k209.json");
    return model;
}

Scene with(const Model& model, const std::function<void(Options&)>& change) {
    Options o = lenet_options();
    change(o);
    return lenet_scene(model, o);
}

// The label texts of the stack of a layer, top first.
std::vector<std::string> labels_of(const Scene& s, const std::string& layer) {
    std::vector<std::string> texts;
    for (const Group* g : groups_of(s, Role::caption)) {
        if (g->label != layer) continue;
        for (const Primitive& item : g->items) {
            if (const auto* run = std::get_if<TextRun>(&item)) texts.push_back(run->text);
        }
    }
    return texts;
}

const Layer& layer_of_type(const Model& model, const std::string& type) {
    for (const Layer& l : model.layers) {
        if (l.type == type) return l;
    }
    throw std::runtime_error("no " + type);
}

double bottom_of(const Polygon& p) {
    double y = p.points[0].y;
    for (const Point& q : p.points) y = std::max(y, q.y);
    return y;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lenet_labels)

BOOST_AUTO_TEST_CASE(label_callables_choose_what_the_labels_say) {
    const std::string conv = layer_of_type(cnn(), "Conv2D").name;
    BOOST_TEST((labels_of(with(cnn(), [](Options&) {}), conv) ==
                std::vector<std::string>{"Conv2D", "64@46\u00d746"}));
    const Scene named = with(cnn(), [](Options& o) {
        o.top_label_callable = StackLabelText::name;
        o.bottom_label_callable = StackLabelText::shape;
    });
    BOOST_TEST(
        (labels_of(named, conv) == std::vector<std::string>{conv, "46 \u00d7 46 \u00d7 64"}));
    const Scene size_only = with(cnn(), [](Options& o) {
        o.top_label_callable = StackLabelText::size;
        o.bottom_label_callable = StackLabelText::none;
    });
    BOOST_TEST((labels_of(size_only, conv) == std::vector<std::string>{"64@46\u00d746"}));
    // The option's text form, as a flag or an option file gives it.
    Options o = lenet_options();
    set_option(o, "top_label_callable", "name", "--top-label-callable");
    BOOST_TEST((o.top_label_callable == StackLabelText::name));
    BOOST_CHECK_THROW(set_option(o, "bottom_label_callable", "units", "--bottom-label-callable"),
                      Error);
}

BOOST_AUTO_TEST_CASE(a_layers_own_label_goes_over_the_choice) {
    const std::string conv = layer_of_type(cnn(), "Conv2D").name;
    const Scene s = with(cnn(), [&](Options& o) {
        o.top_labels[conv] = "first conv";
        o.bottom_labels[conv] = "";  // none
    });
    BOOST_TEST((labels_of(s, conv) == std::vector<std::string>{"first conv"}));
    Options o = lenet_options();
    set_option(o, "top_labels", "{a: 'x y', b: ''}", "--top-labels");
    BOOST_TEST(o.top_labels.at("a") == "x y");
    BOOST_TEST(o.top_labels.at("b").empty());
    BOOST_CHECK_THROW(set_option(o, "top_labels", "[1, 2]", "--top-labels"), Error);
}

// visualkeras labels a Conv1D's sequence "C@1×L" and an Embedding's or LSTM's of the same
// shape "L*C" (one vector): strata labels every sequence as maps, compat keeps visualkeras'.
BOOST_AUTO_TEST_CASE(every_sequence_is_labelled_by_one_rule) {
    const Layer& embedding = layer_of_type(sequences(), "Embedding");
    const Layer& conv = layer_of_type(sequences(), "Conv1D");
    const auto size_of = [](const Scene& s, const Layer& l) { return labels_of(s, l.name).at(1); };
    const Scene plain = with(sequences(), [](Options&) {});
    const auto length = [](const Layer& l) { return std::to_string(l.shapes[0][1]); };
    const auto channels = [](const Layer& l) { return std::to_string(l.shapes[0][2]); };
    BOOST_TEST(size_of(plain, conv) == channels(conv) + "@1\u00d7" + length(conv));
    BOOST_TEST(size_of(plain, embedding) == channels(embedding) + "@1\u00d7" + length(embedding));
    const Scene compat = with(sequences(), [](Options& o) { o.compat_visualkeras = true; });
    BOOST_TEST(size_of(compat, conv) == channels(conv) + "@1\u00d7" + length(conv));
    BOOST_TEST(size_of(compat, embedding) ==
               std::to_string(embedding.shapes[0][1] * embedding.shapes[0][2]));
}

// A figure fitted to a width is drawn smaller; its text keeps its size, and so do the gaps
// between the labels and their stacks.
BOOST_AUTO_TEST_CASE(a_fitted_figure_keeps_the_label_paddings) {
    for (const char* width : {"8.5cm", "30cm"}) {
        const Scene s = with(cnn(), [&](Options& o) {
            o.width = width;
            o.top_label_padding = 30;
            o.bottom_label_padding = 30;
        });
        const Group& stack = *groups_of(s, Role::layer).at(0);
        const Polygon& front = *polygons_named(stack, "front").at(0);
        const auto maps = polygons_named(stack, "map");
        const double stack_top = maps.empty() ? front.points[0].y : maps[0]->points[0].y;
        const Group& caption = *groups_of(s, Role::caption).at(0);
        // A run's y is its baseline: the line box is 30 px off the stack, the baseline further.
        // (At 8.5 cm the labels above are left out as crowded; the sizes below stay.)
        bool below = false;
        for (const Primitive& item : caption.items) {
            const auto& run = std::get<TextRun>(item);
            if (run.y < stack_top) {
                BOOST_TEST(run.y <= stack_top - 30 + 1e-6, width);
            } else {
                below = true;
                BOOST_TEST(run.y >= bottom_of(front) + 30, width);
            }
        }
        BOOST_TEST(below);
    }
}

BOOST_AUTO_TEST_CASE(counts_take_no_fraction_and_gaps_are_not_negative) {
    Options o = lenet_options();
    BOOST_CHECK_THROW(set_option(o, "max_visual_channels", "2.5", "--max-visual-channels"), Error);
    BOOST_CHECK_THROW(set_option(o, "ellipsize_after", "3.7", "--ellipsize-after"), Error);
    set_option(o, "max_visual_channels", "3", "--max-visual-channels");
    BOOST_TEST(o.max_visual_channels == 3.0);
    for (const char* key : {"layer_spacing", "map_spacing", "top_label_padding",
                            "bottom_label_padding", "node_spacing"})
        BOOST_CHECK_THROW(set_option(o, key, "-1", key), Error);
    // Options built in code are checked alike.
    o.max_visual_channels = 2.5;
    BOOST_CHECK_THROW(validate(o), Error);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(lenet_crowded_labels)

// Baselines of the label lines above and below the stacks, and whether any two labels overlap.
struct LabelRows {
    std::set<long> above, below;
    bool overlap = false;
    std::size_t labels = 0;
};

LabelRows rows_of(const Scene& s) {
    LabelRows rows;
    // Stacks are centred on one line: labels above it are above the stacks.
    const Polygon& front = front_of(s);
    const double middle = (front.points[0].y + bottom_of(front)) / 2;
    std::vector<const TextRun*> runs = runs_of(s);
    rows.labels = runs.size();
    for (const TextRun* run : runs) {
        (run->y < middle ? rows.above : rows.below).insert(std::lround(run->y * 100));
    }
    for (std::size_t i = 0; i < runs.size(); ++i) {
        for (std::size_t j = i + 1; j < runs.size(); ++j) {
            const TextRun& a = *runs[i];
            const TextRun& b = *runs[j];
            const bool same_line = std::fabs(a.y - b.y) < a.font_size;
            const bool apart = a.x + a.advance <= b.x || b.x + b.advance <= a.x;
            rows.overlap |= same_line && !apart;
        }
    }
    return rows;
}

// VGG16 in a column (8.5 cm): its sizes below on a few lines, none over another, the classes
// above left out; at a wider width the classes above are kept.
BOOST_AUTO_TEST_CASE(a_crowded_figure_is_thinned) {
    const Model vgg = lenet_model("keras/vgg16_functional_k224.json");
    Options o = lenet_options();
    o.width = "8.5cm";
    const Scene narrow_scene = lenet_scene(vgg, o);
    const LabelRows narrow = rows_of(narrow_scene);
    BOOST_TEST(narrow.above.empty());
    BOOST_TEST(narrow.below.size() <= 2u);
    BOOST_TEST(!narrow.below.empty());
    BOOST_TEST(!narrow.overlap);
    // Square sizes are shortened, repeats left out.
    bool shortened = false;
    for (const TextRun* run : runs_of(narrow_scene))
        shortened |= run->text.find("\u00b2") != std::string::npos;
    BOOST_TEST(shortened);
    BOOST_TEST(narrow.labels < groups_of(narrow_scene, Role::layer).size());
    o.width = "40cm";
    const LabelRows wide = rows_of(lenet_scene(vgg, o));
    BOOST_TEST(!wide.above.empty());
    BOOST_TEST(!wide.overlap);
    BOOST_TEST(wide.labels > narrow.labels);
    // compat keeps visualkeras' label of every stack.
    o.width.clear();
    o.compat_visualkeras = true;
    const Scene compat = lenet_scene(vgg, o);
    BOOST_TEST(runs_of(compat).size() == 2 * groups_of(compat, Role::layer).size());
}

// A label with line breaks is drawn line by line, as visualkeras' multiline text: a run for
// each line, each line below the one before, the top label's last line clear above its stack,
// the bottom label's first line clear below it, every line inside the canvas.
BOOST_AUTO_TEST_CASE(a_label_with_line_breaks_is_drawn_line_by_line) {
    const std::string conv = layer_of_type(cnn(), "Conv2D").name;
    for (const bool compat : {false, true}) {
        const Scene s = with(cnn(), [&](Options& o) {
            o.compat_visualkeras = compat;
            o.top_labels[conv] = "first conv\nsecond";
            o.bottom_labels[conv] = "64ch\n46x46\nthird";
        });
        BOOST_TEST((labels_of(s, conv) ==
                    std::vector<std::string>{"first conv", "second", "64ch", "46x46", "third"}));
        for (const TextRun* run : runs_of(s)) BOOST_TEST(run->text.find('\n') == std::string::npos);
        std::vector<const TextRun*> runs;
        for (const Group* g : groups_of(s, Role::caption)) {
            if (g->label != conv) continue;
            for (const Primitive& item : g->items) runs.push_back(&std::get<TextRun>(item));
        }
        BOOST_TEST_REQUIRE(runs.size() == 5u);
        double stack_top = 1e9, stack_bottom = -1e9;
        for (const Group* g : groups_of(s, Role::layer)) {
            if (g->label != conv) continue;
            for (const Primitive& item : g->items) {
                if (const auto* p = std::get_if<Polygon>(&item)) {
                    for (const Point& q : p->points) {
                        stack_top = std::min(stack_top, q.y);
                        stack_bottom = std::max(stack_bottom, q.y);
                    }
                }
            }
        }
        for (std::size_t j : {1u, 3u, 4u})
            BOOST_TEST(runs[j]->y - runs[j - 1]->y >= runs[j]->font_size);
        BOOST_TEST(runs[1]->y + runs[1]->descent <= stack_top);
        BOOST_TEST(runs[2]->y - runs[2]->ascent >= stack_bottom);
        BOOST_TEST(runs[0]->y - runs[0]->ascent >= 0);
        BOOST_TEST(runs[4]->y + runs[4]->descent <= s.height);
        // Each line is centred on the stack on its own.
        BOOST_TEST(std::abs((runs[0]->x + runs[0]->advance / 2) -
                            (runs[1]->x + runs[1]->advance / 2)) < 1e-6);
    }
}

BOOST_AUTO_TEST_SUITE_END()
