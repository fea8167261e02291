// The lenet view, and its fitting to a width: the figure is laid out with its text sizes
// divided by the scale it will be drawn at, then drawn at that scale, until it is as wide as
// asked with its text at its own size.

#include "layout/lenet/lenet_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "layout/fitting/scaled_scene.hpp"
#include "layout/lenet/connections.hpp"
#include "layout/lenet/feature_stacks.hpp"
#include "layout/lenet/lenet_groups.hpp"
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

Scene lenet_figure(const Model& model, Options o, const LayoutContext& context) {
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
    std::vector<StackLabels> labels = stack_labels(model, stacks, o, context.text);
    if (!o.compat_visualkeras) keep_labels_apart(labels);
    // The canvas holds every stack and label with padding / 2 around them, as visualkeras'.
    Extent extent;
    for (std::size_t i = 0; i < stacks.size(); ++i) {
        extent.add(stacks[i].bounds());
        if (labels[i].top) extent.add(labels[i].top->box());
        if (labels[i].bottom) extent.add(labels[i].bottom->box());
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
    const std::vector<Connection> links = connections(model, stacks, o);
    const LenetColors colors{o.connector_fill, o.patch_fill, o.patch_outline, o.connector_width,
                             o.draw_patches};
    scene.groups = lenet_groups(model, stacks, links, labels, colors, context.text);
    return scene;
}

Options with_text_scaled(Options o, double factor) {
    o.font_size *= factor;
    for (auto& [key, style] : o.styles) {
        if (style.font_size) *style.font_size *= factor;
    }
    return o;
}

}  // namespace

namespace {

// Whether a layer takes two inputs or a tensor feeds two layers: the lenet view, as
// visualkeras', draws the layers as one chain in file order, and such a model's chain joins
// layers that are not joined.
bool branches(const Model& model) {
    std::vector<int> uses(model.layers.size(), 0);
    for (const Layer& layer : model.layers) {
        if (layer.inputs.size() > 1) return true;
        for (const TensorRef& input : layer.inputs) {
            if (input.layer < uses.size() && ++uses[input.layer] > 1) return true;
        }
    }
    return false;
}

}  // namespace

Scene lenet_view(const Model& model, const Options& options, const LayoutContext& context,
                 Warnings& warnings) {
    if (branches(model) && !options.compat_visualkeras) {
        warnings.push_back({"view",
                            "the lenet view draws the layers as one chain in file order, "
                            "and this model branches: the chain joins layers the model "
                            "does not join (the functional or layered view draws its "
                            "branches)"});
    }
    if (options.width.empty() || options.compat_visualkeras)
        return lenet_figure(model, options, context);
    // Drawn at scale s, a figure laid out with its text divided by s is s * (geometry + text / s)
    // wide: a few rounds find the s that makes it the width asked for.
    const double width = length_in_px(options.width, "width");
    constexpr double kTolerancePx = 0.005, kSmallestScale = 1e-3;
    double scale = 1;
    Scene scene = lenet_figure(model, options, context);
    for (int round = 0; round < 40; ++round) {
        const double drawn = scene.width * scale;
        if (std::fabs(drawn - width) <= kTolerancePx) break;
        const double next = scale * width / drawn;
        if (next < kSmallestScale) break;
        scale = next;
        scene = lenet_figure(model, with_text_scaled(options, 1 / scale), context);
    }
    if (scene.width * scale > width + 0.5) {
        warnings.push_back({"width", "the text of this figure is wider than the width asked for"});
    }
    return scaled_scene(std::move(scene), scale);
}

}  // namespace strata::layout
