// The legend beside the diagram: on a slide, whose height a legend below takes a third of,
// DenseNet-121's diagram comes out larger with the legend right of it, and `legend_position`
// auto chooses that; the legend then overlaps nothing and the figure keeps within the slide, on
// the SVG/PNG path and the LaTeX path alike. Without a height, or where the height does not
// bind, the legend stays below.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "layout/fitting/legend_placement.hpp"
#include "layout_context.hpp"
#include "reference_model.hpp"
#include "strata/emit.hpp"
#include "strata/import.hpp"
#include "strata/layout.hpp"
#include "strata/option_table.hpp"
#include "strata/render.hpp"
#include "style/length.hpp"

using namespace strata;

namespace {

constexpr double kSlack = 0.01;  // px

struct Bounds {
    double left = std::numeric_limits<double>::infinity(), top = left;
    double right = -left, bottom = -left;
    bool empty() const { return left > right; }
    void add(double x, double y) {
        left = std::min(left, x);
        right = std::max(right, x);
        top = std::min(top, y);
        bottom = std::max(bottom, y);
    }
};

void add_item(Bounds& b, const Primitive& item) {
    if (const auto* run = std::get_if<TextRun>(&item)) {
        b.add(run->x, run->y - run->ascent);
        b.add(run->x + run->advance, run->y + run->descent);
    } else if (const auto* shape = std::get_if<Polygon>(&item)) {
        for (const Point& p : shape->points) b.add(p.x, p.y);
    } else if (const auto* line = std::get_if<Polyline>(&item)) {
        const double half = line->stroke_width / 2;
        for (const Point& p : line->points) {
            b.add(p.x - half, p.y - half);
            b.add(p.x + half, p.y + half);
        }
    }
}

bool overlap(const Bounds& a, const Bounds& b) {
    return std::min(a.right, b.right) - std::max(a.left, b.left) > kSlack &&
           std::min(a.bottom, b.bottom) - std::max(a.top, b.top) > kSlack;
}

// The extent of the legend and of everything else.
struct Parts {
    Bounds legend, diagram;
    int entries = 0;
};

Parts parts(const Scene& scene) {
    Parts p;
    for (const Group& g : scene.groups) {
        if (g.role == Role::legend) ++p.entries;
        for (const Primitive& item : g.items)
            add_item(g.role == Role::legend ? p.legend : p.diagram, item);
    }
    return p;
}

// No legend entry overlaps any group of the diagram.
void check_no_entry_overlaps_the_diagram(const Scene& scene, const std::string& name) {
    for (const Group& entry : scene.groups) {
        if (entry.role != Role::legend) continue;
        Bounds e;
        for (const Primitive& item : entry.items) add_item(e, item);
        for (const Group& g : scene.groups) {
            if (g.role == Role::legend) continue;
            for (const Primitive& item : g.items) {
                Bounds b;
                add_item(b, item);
                BOOST_TEST(!overlap(e, b), name << ": " << entry.id << " overlaps " << g.id);
            }
        }
    }
}

// The columns of the legend: the distinct left ends of its labels.
std::size_t columns(const Scene& scene) {
    std::set<long> lefts;
    for (const Group& g : scene.groups) {
        if (g.role != Role::legend) continue;
        for (const Primitive& item : g.items) {
            if (const auto* run = std::get_if<TextRun>(&item))
                lefts.insert(std::lround(run->x * 100));
        }
    }
    return lefts.size();
}

Options slides(LegendPosition position) {
    Options options;
    apply_preset(options, "slides");
    options.legend_position = position;
    return options;
}

Model densenet121() {
    Warnings warnings;
    return load_model(std::string(STRATA_CORPUS_DIR) + "/onnx/densenet121.onnx", warnings);
}

double scale_of(const Scene& scene) {
    return layout::diagram_scale(FittedScene{scene, 1});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(legend_beside)

// DenseNet-121 on a slide: beside, the legend leaves room for stages only, below for blocks.
// auto keeps the finer level, as it does without a legend; the legend put right is drawn
// right of the diagram, within the slide.
BOOST_AUTO_TEST_CASE(densenet121_on_a_slide_keeps_the_finer_level,
                     *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    const Model model = densenet121();
    Warnings warnings;
    const Scene below = layout_layered(model, slides(LegendPosition::below), warnings);
    const Scene right = layout_layered(model, slides(LegendPosition::right), warnings);
    const Scene chosen = layout_layered(model, slides(LegendPosition::automatic), warnings);
    BOOST_TEST_MESSAGE("DenseNet-121, slides: diagram scale " << scale_of(below) << " below, "
                                                              << scale_of(right) << " right");
    BOOST_TEST(below.level == "block");
    BOOST_TEST(right.level == "stage");
    BOOST_TEST(to_svg(chosen) == to_svg(below));
    for (const Scene* scene : {&below, &right}) {
        BOOST_TEST(scene->width <= 1280 + kSlack);
        BOOST_TEST(scene->height <= 720 + kSlack);
    }
    const Parts p = parts(right);
    BOOST_TEST(p.entries >= 5);
    // Right of the whole diagram, and within the slide.
    BOOST_TEST(p.legend.left >= p.diagram.right);
    BOOST_TEST(p.legend.right <= right.width + kSlack);
    BOOST_TEST(p.legend.top >= -kSlack);
    BOOST_TEST(p.legend.bottom <= right.height + kSlack);
    check_no_entry_overlaps_the_diagram(right, "slides, legend right");
}

// The package's path, VGG16 in a 16:9 beamer frame (0.7 of its text height, the deck's sans at
// \footnotesize): the same choice, the legend kept right of the diagram when the figure grows
// towards the width, within the frame. DenseNet-121 there is laid out both ways and keeps the
// one that reads better without text smaller than readable (both come out at one level there;
// beside, its text would be under the minimum).
BOOST_AUTO_TEST_CASE(the_latex_path_chooses_the_same_and_keeps_within_the_frame) {
    const LatexDocument beamer{9, true};
    const auto frame = [&](LegendPosition position) {
        Options o = latex_defaults(slides(position), beamer);
        o.width = "398.3386pt";
        o.height = "176.45158pt";
        return o;
    };
    const double width = length_in_px("398.3386pt", "width");
    const double height = length_in_px("176.45158pt", "height");
    std::vector<std::string> models{"generated/vgg16.json"};
    if (STRATA_WITH_ONNX) models.push_back("onnx/densenet121.onnx");
    for (const std::string& relative : models) {
        BOOST_TEST_CONTEXT(relative) {
            Warnings warnings;
            const Model model =
                load_model(std::string(STRATA_CORPUS_DIR) + "/" + relative, warnings);
            const FittedScene below =
                layout_for_latex(model, frame(LegendPosition::below), warnings);
            const FittedScene right =
                layout_for_latex(model, frame(LegendPosition::right), warnings);
            const FittedScene chosen =
                layout_for_latex(model, frame(LegendPosition::automatic), warnings);
            // The one that reads better (smallest text counted twice, boxes once), unless it
            // costs text that was readable below.
            const double readable = std::min(layout::smallest_text(below),
                                             frame(LegendPosition::automatic).min_font_size / 0.75);
            const FittedScene& better =
                layout::smallest_text(right) >= readable - 1e-6 &&
                        layout::reading_size(right) > 1.02 * layout::reading_size(below)
                    ? right
                    : below;
            BOOST_TEST(layout::diagram_scale(chosen) == layout::diagram_scale(better));
            BOOST_TEST(layout::smallest_text(chosen) >= readable - 1e-6);
            for (const FittedScene* f : {&below, &right, &chosen}) {
                BOOST_TEST(f->scene.width * f->scale <= width + kSlack);
                BOOST_TEST(f->scene.height * f->scale <= height + kSlack);
            }
            const Parts p = parts(right.scene);
            BOOST_TEST(p.legend.left >= p.diagram.right);
            BOOST_TEST(p.legend.right <= right.scene.width + kSlack);
            BOOST_TEST(p.legend.bottom <= right.scene.height + kSlack);
            check_no_entry_overlaps_the_diagram(right.scene, relative + " .tex, legend right");
            if (relative == "generated/vgg16.json")
                BOOST_TEST(layout::diagram_scale(chosen) > 1.05 * layout::diagram_scale(below));
        }
    }
}

// Without a height nothing binds the figure's height: auto keeps the legend below, and a
// figure whose height does not bind keeps it there too.
BOOST_AUTO_TEST_CASE(auto_keeps_the_legend_below_where_the_height_does_not_bind) {
    Options options;
    options.legend = true;
    options.text_callable = TextCallable::name;
    options.width = "640px";
    Warnings warnings;
    for (const std::string height : {"", "2000px"}) {
        options.height = height;
        const Scene scene = layout_layered(test::reference_model(), options, warnings);
        const Parts p = parts(scene);
        BOOST_TEST(p.entries > 0);
        BOOST_TEST(p.legend.top >= p.diagram.bottom, "height '" << height << "'");
    }
}

// Put right by the option: right of the diagram, within the width, in as few columns as the
// height holds (one without a height).
BOOST_AUTO_TEST_CASE(a_legend_put_right_keeps_to_the_width_and_the_height) {
    Options options;
    options.legend = true;
    options.show_dimension = true;  // one entry a layer: a tall legend
    options.text_callable = TextCallable::name;
    options.legend_position = LegendPosition::right;
    Warnings warnings;
    const Scene free = layout_layered(test::reference_model(), options, warnings);
    const Parts one_column = parts(free);
    BOOST_TEST(one_column.legend.left >= one_column.diagram.right);
    BOOST_TEST(one_column.legend.bottom <= free.height + kSlack);
    check_no_entry_overlaps_the_diagram(free, "legend right");

    options.width = "500px";
    options.height = "70px";
    const Scene bounded = layout_layered(test::reference_model(), options, warnings);
    const Parts p = parts(bounded);
    BOOST_TEST(bounded.width <= 500 + kSlack);
    BOOST_TEST(bounded.height <= 70 + kSlack);
    BOOST_TEST(p.legend.left >= p.diagram.right);
    check_no_entry_overlaps_the_diagram(bounded, "legend right, 500 x 70 px");
    // Without a height one column; a height too low for it gives more.
    BOOST_TEST(columns(free) == 1u);
    BOOST_TEST(columns(bounded) > 1u);
}

BOOST_AUTO_TEST_SUITE_END()
