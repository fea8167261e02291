// The legend of corpus models as a paper prints it, at a column's width (241 pt) and a page's
// (17 cm): swatches about as tall as their text, entries in aligned columns, connector samples
// that print, a legend no taller than the diagram, nothing overlapping and nothing off the
// canvas. Measured on the scene of the SVG/PNG path (text at its own size) and of the LaTeX
// path (geometry scaled to the width).

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "strata/layout.hpp"
#include "strata/render.hpp"

using namespace strata;

namespace {

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
    void add(const Bounds& b) {
        if (b.empty()) return;
        add(b.left, b.top);
        add(b.right, b.bottom);
    }
    double height() const { return empty() ? 0 : bottom - top; }
};

bool overlap(const Bounds& a, const Bounds& b) {
    constexpr double kTouch = 0.01;  // px: sharing an edge is not overlapping
    return std::min(a.right, b.right) - std::max(a.left, b.left) > kTouch &&
           std::min(a.bottom, b.bottom) - std::max(a.top, b.top) > kTouch;
}

Bounds text_box(const TextRun& run) {
    Bounds b;
    b.add(run.x, run.y - run.ascent);
    b.add(run.x + run.advance, run.y + run.descent);
    return b;
}

// What a primitive covers: a text run its measured box, a line its points widened by half its
// stroke, a shape its points, an image its placed corners.
Bounds bounds(const Primitive& item) {
    Bounds b;
    if (const auto* run = std::get_if<TextRun>(&item)) return text_box(*run);
    if (const auto* shape = std::get_if<Polygon>(&item)) {
        for (const Point& p : shape->points) b.add(p.x, p.y);
    } else if (const auto* line = std::get_if<Polyline>(&item)) {
        const double half = line->stroke_width / 2;
        for (const Point& p : line->points) {
            b.add(p.x - half, p.y - half);
            b.add(p.x + half, p.y + half);
        }
    } else if (const auto* image = std::get_if<Image>(&item)) {
        const Affine& m = image->transform;
        for (const Point& p : {Point{0, 0}, Point{image->width, 0}, Point{0, image->height},
                               Point{image->width, image->height}})
            b.add(m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f);
    }
    return b;
}

// The swatch of a legend entry: every item but its label.
Bounds swatch_bounds(const Group& entry) {
    Bounds b;
    for (const Primitive& item : entry.items) {
        if (!std::holds_alternative<TextRun>(item)) b.add(bounds(item));
    }
    return b;
}

const TextRun* label_of(const Group& entry) {
    for (const Primitive& item : entry.items) {
        if (const auto* run = std::get_if<TextRun>(&item)) return run;
    }
    return nullptr;
}

bool has_polygon(const Group& entry) {
    return std::any_of(entry.items.begin(), entry.items.end(),
                       [](const Primitive& p) { return std::holds_alternative<Polygon>(p); });
}

struct Figure {
    std::string name;
    Scene scene;
    double scale = 1;     // print size of one scene pixel, in pixels
    bool fitted = true;   // false when the layout said it could not reach the width
    double width_px = 0;  // the width asked for
};

void check_legend(const Figure& figure) {
    const Scene& s = figure.scene;
    std::vector<const Group*> legend;
    Bounds diagram, legend_bounds;
    for (const Group& g : s.groups) {
        Bounds b;
        for (const Primitive& item : g.items) b.add(bounds(item));
        if (g.role == Role::legend) {
            legend.push_back(&g);
            legend_bounds.add(b);
        } else {
            diagram.add(b);
        }
        // Nothing outside the canvas.
        BOOST_TEST((b.empty() || (b.left >= -0.01 && b.top >= -0.01 && b.right <= s.width + 0.01 &&
                                  b.bottom <= s.height + 0.01)),
                   figure.name << ": " << g.id << " reaches " << b.left << "," << b.top << " .. "
                               << b.right << "," << b.bottom << " on a canvas " << s.width << " × "
                               << s.height);
    }
    BOOST_TEST_REQUIRE(!legend.empty(), figure.name << " has a legend");

    // Each swatch about as tall as its text; each connector sample at least 0.5 pt in print.
    for (const Group* entry : legend) {
        const TextRun* label = label_of(*entry);
        BOOST_TEST_REQUIRE(label, entry->id << " has a label");
        const double text_height = label->ascent + label->descent;
        if (has_polygon(*entry)) {
            const double ratio = swatch_bounds(*entry).height() / text_height;
            BOOST_TEST((ratio >= 0.8 - 1e-9 && ratio <= 1.6),
                       figure.name << ": swatch of " << entry->id << " is " << ratio
                                   << " times its text height");
        }
        for (const Primitive& item : entry->items) {
            const auto* line = std::get_if<Polyline>(&item);
            if (!line || line->name != "sample") continue;
            const double printed_pt = line->stroke_width * figure.scale * 0.75;
            BOOST_TEST(printed_pt >= 0.5, figure.name << ": the sample of " << entry->id
                                                      << " prints " << printed_pt << " pt wide");
        }
    }

    // Columns: the k-th entry of every row has its label where the k-th of the first row has.
    std::vector<std::vector<const TextRun*>> rows;
    for (const Group* entry : legend) {
        const TextRun* label = label_of(*entry);
        if (rows.empty() || std::abs(rows.back().front()->y - label->y) > 0.01) rows.emplace_back();
        rows.back().push_back(label);
    }
    for (const auto& row : rows) {
        BOOST_TEST(row.size() <= rows.front().size(),
                   figure.name << ": a row longer than the first");
        for (std::size_t k = 0; k < row.size() && k < rows.front().size(); ++k) {
            BOOST_TEST(std::abs(row[k]->x - rows.front()[k]->x) <= 0.01,
                       figure.name << ": \"" << row[k]->text << "\" at x " << row[k]->x
                                   << ", its column at " << rows.front()[k]->x);
        }
    }

    // No taller than the diagram, unless it cannot be shorter: one more column, at least as
    // wide as the narrowest (columns are as wide as their widest entry), would reach past the
    // padding (10 px) of the width asked for, and the text stays at its size. A figure that
    // could not be wrapped to the width is one long row scaled down: its diagram may be
    // thinner than any legend.
    const TextRun& first = *rows.front().front();
    const double gap = 1.2 * first.font_size;
    double pitch = legend_bounds.right - rows.front().back()->x + gap;  // the last column's
    for (std::size_t k = 1; k < rows.front().size(); ++k)
        pitch = std::min(pitch, rows.front()[k]->x - rows.front()[k - 1]->x);
    const bool shortest =
        legend_bounds.right + pitch > std::max(s.width, figure.width_px / figure.scale) - 10;
    BOOST_TEST((!figure.fitted || shortest || legend_bounds.height() <= diagram.height() + 0.01),
               figure.name << ": legend " << legend_bounds.height() << " high, diagram "
                           << diagram.height());

    // No legend text over another legend item (its own swatch included).
    for (const Group* entry : legend) {
        const Bounds text = text_box(*label_of(*entry));
        for (const Group* other : legend) {
            for (const Primitive& item : other->items) {
                if (std::get_if<TextRun>(&item) == label_of(*entry)) continue;
                BOOST_TEST(!overlap(text, bounds(item)), figure.name
                                                             << ": \"" << label_of(*entry)->text
                                                             << "\" overlaps " << other->id);
            }
        }
    }
}

// How many columns the legend's grid has (entries on its first row), and whether one more
// column, each as wide as its widest entry (swatch slot, gap, label) with the grid's gap
// between columns, entries in reading order, would still be within `width_px` less the
// padding: then the legend is taller than the width makes it.
struct Columns {
    std::size_t count = 0;
    bool one_more_fits = false;
};

Columns legend_columns(const Scene& s, double width_px) {
    std::vector<const Group*> legend;
    for (const Group& g : s.groups)
        if (g.role == Role::legend) legend.push_back(&g);
    Columns c;
    if (legend.empty()) return c;
    const double first_y = label_of(*legend.front())->y;
    while (c.count < legend.size() && std::abs(label_of(*legend[c.count])->y - first_y) <= 0.01)
        ++c.count;
    if (c.count == legend.size()) return c;
    // The swatch slot and the gap to the label: as far as the widest swatch's left edge.
    double offset = 0;
    for (const Group* entry : legend)
        offset = std::max(offset, label_of(*entry)->x - swatch_bounds(*entry).left);
    const std::size_t more = c.count + 1;
    std::vector<double> widths(more, 0.0);
    for (std::size_t k = 0; k < legend.size(); ++k)
        widths[k % more] = std::max(widths[k % more], offset + label_of(*legend[k])->advance);
    double total = static_cast<double>(more - 1) * 1.2 * label_of(*legend.front())->font_size;
    for (double w : widths) total += w;
    const double padding = 10;
    c.one_more_fits = total <= width_px - 2 * padding - 0.5;
    return c;
}

Model corpus(const std::string& relative) {
    Warnings warnings;
    return load_model(std::string(STRATA_CORPUS_DIR) + "/" + relative, warnings);
}

void check_model(const std::string& relative) {
    const Model model = corpus(relative);
    for (const char* width : {"241pt", "17cm"}) {
        Options options;
        options.legend = true;
        options.width = width;
        Warnings warnings;
        Scene scene = layout_layered(model, options, warnings);
        const bool fitted = warnings.empty();
        const double width_px = std::string(width) == "241pt" ? 241.0 * 96 / 72 : 170 * 96 / 25.4;
        check_legend({relative + " at " + width, std::move(scene), 1, fitted, width_px});
        FittedScene latex = layout_for_latex(model, options, warnings);
        check_legend({relative + " at " + width + " for LaTeX", std::move(latex.scene), latex.scale,
                      fitted, width_px});
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(legend_proportion)

BOOST_AUTO_TEST_CASE(plain_chains) {
    check_model("generated/vgg16.json");
    check_model("generated/conv1d_audio.json");
    check_model("generated/lstm_text_classifier.json");
    check_model("generated/autoencoder.json");
}

BOOST_AUTO_TEST_CASE(branching_models) {
    check_model("generated/unet.json");
    check_model("generated/resnet50.json");
    check_model("generated/mobilenetv2.json");
}

// A column figure whose picture is narrower than the column (rows wrapped short, or LaTeX
// drawing it larger afterwards while its legend keeps the text's size) and whose legend is
// taller than half the picture sets that legend in as many columns as the column holds, not
// as the picture: ResNet-50 with its boxes named, whose nine entries stood one to a row, a
// third of the figure, where two columns fit.
BOOST_AUTO_TEST_CASE(a_column_holds_as_many_legend_columns_as_fit) {
    for (const char* relative : {"keras/resnet50_k230tf.json", "generated/resnet50.json"}) {
        const Model model = corpus(relative);
        Options options;
        options.legend = true;
        options.width = "241pt";
        options.text_callable = TextCallable::name;
        const double width_px = 241.0 * 96 / 72;
        Warnings warnings;
        const Scene scene = layout_layered(model, options, warnings);
        const Columns svg = legend_columns(scene, width_px);
        BOOST_TEST(svg.count > 0);
        BOOST_TEST(!svg.one_more_fits, relative << ": " << svg.count << " legend columns");
        // As `\strataFigure` sets it: in the document's font, at 10 pt.
        const Options in_document = latex_defaults(options, LatexDocument{});
        const FittedScene latex = layout_for_latex(model, in_document, warnings);
        const Columns tex = legend_columns(latex.scene, width_px / latex.scale);
        BOOST_TEST(tex.count > 0);
        BOOST_TEST(!tex.one_more_fits,
                   relative << " for LaTeX: " << tex.count << " legend columns");
    }
}

BOOST_AUTO_TEST_CASE(densenet, *boost::unit_test::enable_if<(STRATA_WITH_ONNX)>()) {
    check_model("onnx/densenet121.onnx");
}

BOOST_AUTO_TEST_SUITE_END()
