// The lenet view, and its fitting to a width: the figure is laid out with its text sizes
// divided by the scale it will be drawn at, then drawn at that scale, until it is as wide as
// asked with its text at its own size.

#include "layout/lenet/lenet_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "layout/decorations/placed_font_errors.hpp"
#include "layout/fitting/scaled_scene.hpp"
#include "layout/lenet/connections.hpp"
#include "layout/lenet/feature_stacks.hpp"
#include "layout/lenet/lenet_groups.hpp"
#include "layout/lenet/skip_arcs.hpp"
#include "layout/lenet/stack_inputs.hpp"
#include "layout/lenet/stack_labels.hpp"
#include "strata/error.hpp"
#include "style/length.hpp"

namespace strata::layout {

// The most feature maps a lenet figure draws, all its stacks together (some 25 MB of SVG).
constexpr std::uint64_t kMostLenetMaps = 50'000;
namespace {

// Bounds that grow to hold rectangles.
struct Extent {
    double x1 = std::numeric_limits<double>::infinity(), y1 = x1;
    double x2 = -std::numeric_limits<double>::infinity(), y2 = x2;
    void add(const Rect& r) {
        x1 = std::min(x1, r.x1);
        y1 = std::min(y1, r.y1);
        x2 = std::max(x2, r.x2);
        y2 = std::max(y2, r.y2);
    }
};

// visualkeras draws this view on black with white text. strata's defaults are for print
// (white, black text); a compat figure still given those defaults gets visualkeras' colours.
void compat_colors(Scene& scene, Options& o) {
    const Options plain;
    if (!o.compat_visualkeras || o.background_fill != plain.background_fill ||
        o.font_color != plain.font_color)
        return;
    scene.background = Rgba{0, 0, 0, 255};
    o.font_color = Rgba{255, 255, 255, 255};
}

// `text_factor` is how much larger than asked the text is laid out (1 / the scale the figure
// is drawn at).
Scene lenet_figure(const Model& model, Options o, const LayoutContext& context, bool& crossed,
                   double text_factor = 1) {
    // A font an option file named fails at its place there, not under its option's name alone.
    PlacedFontErrors text(context.text, o.font_places);
    Scene scene;
    scene.title = model.name;
    scene.background = o.background_fill;
    compat_colors(scene, o);
    std::vector<FeatureStack> stacks = feature_stacks(model, o);
    // Each map is a few shapes: a long model of wide layers at max_visual_channels' bound
    // would make a figure of millions.
    std::uint64_t maps = 0;
    for (const FeatureStack& stack : stacks) maps += static_cast<std::uint64_t>(stack.visible);
    if (maps > kMostLenetMaps) {
        throw Error("max_visual_channels", "the lenet view of this model draws " +
                                               std::to_string(maps) + " feature maps, more than " +
                                               std::to_string(kMostLenetMaps) +
                                               ": give a smaller max_visual_channels");
    }
    std::vector<StackLabels> labels = stack_labels(model, stacks, o, text);
    if (!o.compat_visualkeras) keep_labels_apart(labels);
    // visualkeras joins each stack to the next in file order; strata joins each to its real
    // inputs: the chain's connection where the input is the stack before, an arc otherwise.
    const auto inputs = stack_inputs(model, stacks);
    std::vector<SkipArc> arcs;
    if (!o.compat_visualkeras && o.draw_connections)
        arcs = skip_arcs(stacks, inputs, labels, o.font_size * 0.8);
    crossed =
        std::any_of(arcs.begin(), arcs.end(), [](const SkipArc& a) { return a.crosses_label; });
    // The canvas holds every stack and label with padding / 2 around them, as visualkeras'.
    Extent extent;
    for (std::size_t i = 0; i < stacks.size(); ++i) {
        extent.add(stacks[i].bounds());
        if (labels[i].top) extent.add(labels[i].top->box());
        if (labels[i].bottom) extent.add(labels[i].bottom->box());
    }
    for (const SkipArc& arc : arcs) {
        for (const Point& p : arc.points) extent.add({p.x, p.y, p.x, p.y});
    }
    // visualkeras' canvas is whole pixels; a figure fitted to a width is exactly that wide.
    const auto side = [&](double length) {
        return std::max(1.0, o.compat_visualkeras ? std::ceil(length) : length);
    };
    scene.width = side(extent.x2 - extent.x1 + o.padding);
    scene.height = side(extent.y2 - extent.y1 + o.padding);
    const double dx = o.padding / 2 - extent.x1, dy = o.padding / 2 - extent.y1;
    for (std::size_t i = 0; i < stacks.size(); ++i) {
        stacks[i].x += dx;
        stacks[i].y += dy;
        for (auto* label : {&labels[i].top, &labels[i].bottom}) {
            if (!*label) continue;
            (*label)->center_x += dx;
            (*label)->top += dy;
        }
    }
    for (SkipArc& arc : arcs) {
        for (Point& p : arc.points) {
            p.x += dx;
            p.y += dy;
        }
    }
    std::vector<Connection> links = connections(model, stacks, o);
    if (!o.compat_visualkeras) {
        std::erase_if(links, [&](const Connection& c) {
            return std::find(inputs[c.to].begin(), inputs[c.to].end(), c.from) ==
                   inputs[c.to].end();
        });
    }
    const double line = std::max(1.0, std::trunc(o.connector_width));
    const LenetColors colors{o.connector_fill,  o.patch_fill,   o.patch_outline,
                             o.connector_width, o.draw_patches, line * text_factor};
    scene.groups = lenet_groups(model, stacks, links, arcs, labels, colors, text);
    return scene;
}

// The text and its gaps to the stacks, so that a fitted figure keeps the label paddings asked
// for, as it keeps its text size.
Options with_text_scaled(Options o, double factor) {
    o.font_size *= factor;
    o.top_label_padding *= factor;
    o.bottom_label_padding *= factor;
    for (auto& [key, style] : o.styles) {
        if (style.font_size) *style.font_size *= factor;
    }
    return o;
}

}  // namespace

Scene lenet_view(const Model& model, const Options& options, const LayoutContext& context,
                 Warnings& warnings) {
    bool crossed = false;
    const auto say_crossings = [&] {
        if (!crossed) return;
        warnings.push_back({"view",
                            "a connection of this branching model crosses a label: no gap "
                            "beside its stacks is free of labels (give a wider width, or "
                            "fewer labels with top_label or bottom_label)"});
    };
    if (options.width.empty() || options.compat_visualkeras) {
        Scene scene = lenet_figure(model, options, context, crossed);
        say_crossings();
        return scene;
    }
    // Drawn at scale s, a figure laid out with its text divided by s is s * (geometry + text / s)
    // wide: a few rounds find the s that makes it the width asked for.
    const double width = length_in_px(options.width, "width");
    constexpr double kTolerancePx = 0.005, kSmallestScale = 1e-3;
    double scale = 1;
    Scene scene = lenet_figure(model, options, context, crossed);
    for (int round = 0; round < 40; ++round) {
        const double drawn = scene.width * scale;
        if (std::fabs(drawn - width) <= kTolerancePx) break;
        const double next = scale * width / drawn;
        if (next < kSmallestScale) break;
        scale = next;
        scene =
            lenet_figure(model, with_text_scaled(options, 1 / scale), context, crossed, 1 / scale);
    }
    // Crowded labels are thinned at some scales and not at others, so the width can jump
    // between rounds and the rounds circle: then the largest scale that keeps within the width.
    if (scene.width * scale > width + kTolerancePx) {
        double lo = kSmallestScale, hi = scale;
        std::optional<Scene> fitting;
        bool fitting_crossed = false;
        for (int round = 0; round < 30; ++round) {
            const double mid = (lo + hi) / 2;
            Scene trial =
                lenet_figure(model, with_text_scaled(options, 1 / mid), context, crossed, 1 / mid);
            if (trial.width * mid <= width + kTolerancePx) {
                lo = mid;
                fitting = std::move(trial);
                fitting_crossed = crossed;
            } else {
                hi = mid;
            }
        }
        if (fitting) {
            scene = std::move(*fitting);
            scale = lo;
            crossed = fitting_crossed;
        }
    }
    say_crossings();
    if (scene.width * scale > width + 0.5) {
        warnings.push_back({"width", "the text of this figure is wider than the width asked for"});
    }
    return scaled_scene(std::move(scene), scale);
}

}  // namespace strata::layout
