#include "layout/functional/functional_view.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "layout/decorations/captions.hpp"
#include "layout/decorations/text_budget.hpp"
#include "layout/decorations/text_run.hpp"
#include "layout/functional/connector_routes.hpp"
#include "layout/functional/functional_graph.hpp"
#include "layout/functional/node_labels.hpp"
#include "layout/functional/placement.hpp"
#include "layout/layered/box_faces.hpp"
#include "layout/layered/connector_shapes.hpp"
#include "layout/layered/ids.hpp"
#include "strata/error.hpp"
#include "style/layer_style.hpp"
#include "style/length.hpp"
#include "style/palette.hpp"

namespace strata::layout {
namespace {

using functional::Graph;
using functional::Label;
using functional::Node;
using functional::NodeKind;

// Gap between a box and its caption, as visualkeras leaves it.
constexpr double kCaptionGap = 4;
// Least gap between captions side by side.
constexpr double kCaptionSeparation = 8;

// A caption with what it needs to be set: its font, colour and line spacing.
struct PlacedLabel {
    std::size_t node = 0;
    bool above = false;
    Label label;
    FontSpec font;
    Rgba color;
    double vspacing = 4;
};

// What an output marker stands for, as a layer a caption can describe: "output_N", with the
// shape of the output it follows.
Layer marker_layer(const Model& model, const Node& node, std::size_t index) {
    Layer layer;
    layer.name = "output_" + std::to_string(index);
    layer.type = "Output";
    layer.shapes = model.layers[node.layer].shapes;
    layer.shape_known = model.layers[node.layer].shape_known;
    layer.channel_axis = model.layers[node.layer].channel_axis;
    return layer;
}

// The captions of the drawn boxes (waypoints have none), numbered in the model's order, measured
// but not yet placed.
std::vector<PlacedLabel> captions(const Model& model, const Graph& g, const Options& options,
                                  TextMeasurer& text) {
    std::vector<std::size_t> shown;
    for (std::size_t v = 0; v < g.nodes.size(); ++v)
        if (g.nodes[v].kind != NodeKind::waypoint) shown.push_back(v);
    std::stable_sort(shown.begin(), shown.end(), [&](std::size_t l, std::size_t r) {
        return g.nodes[l].order < g.nodes[r].order;
    });
    TextBudget budget;
    std::vector<PlacedLabel> out;
    std::size_t markers = 0;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const Node& n = g.nodes[shown[i]];
        const Layer layer = n.kind == NodeKind::output_marker ? marker_layer(model, n, markers++)
                                                              : model.layers[n.layer];
        const std::optional<std::string> caption = caption_for(layer, i, options, budget);
        if (!caption || caption->empty()) continue;
        const LayerStyle style = resolve_style(layer, options);
        PlacedLabel placed{shown[i], false, {}, style.font, style.font_color, style.text_vspacing};
        std::size_t from = 0;
        while (true) {
            const std::size_t end = caption->find('\n', from);
            placed.label.lines.push_back(caption->substr(from, end - from));
            if (end == std::string::npos) break;
            from = end + 1;
        }
        budget.charge_lines(placed.label.lines.size());
        for (const std::string& line : placed.label.lines) {
            const TextMetrics m = text.measure(line, style.font);
            placed.label.width = std::max(placed.label.width, m.right);
            placed.label.height += m.bottom;
        }
        placed.label.height +=
            style.text_vspacing * static_cast<double>(placed.label.lines.size() - 1);
        placed.above = caption_above(layer, i, options);
        out.push_back(std::move(placed));
    }
    return out;
}

// Each caption centred on its box's front face, above or below it.
void place_captions(std::vector<PlacedLabel>& labels, const Graph& g) {
    for (PlacedLabel& p : labels) {
        const Node& n = g.nodes[p.node];
        const double face_w = n.width - n.de, face_h = n.height - n.de, face_y = n.y + n.de;
        p.label.x = n.x + face_w / 2 - p.label.width / 2;
        p.label.y = p.above ? std::trunc(face_y - p.label.height - kCaptionGap)
                            : std::trunc(face_y + face_h + kCaptionGap);
    }
}

struct Extent {
    double left = std::numeric_limits<double>::infinity(), top = left;
    double right = -left, bottom = -left;
    void add(double x1, double y1, double x2, double y2) {
        left = std::min(left, x1);
        top = std::min(top, y1);
        right = std::max(right, x2);
        bottom = std::max(bottom, y2);
    }
};

// Its lines left-aligned in compat mode, as Pillow sets them; else each centred on the box.
Group caption_group(const PlacedLabel& p, const std::string& id, const std::string& name,
                    TextMeasurer& text, bool centred) {
    Group group;
    group.id = id;
    group.label = name;
    group.role = Role::caption;
    const double step = text.measure("A", p.font).bottom + p.vspacing;
    for (std::size_t i = 0; i < p.label.lines.size(); ++i) {
        const TextMetrics m = text.measure(p.label.lines[i], p.font);
        const double baseline = p.label.y + static_cast<double>(i) * step + m.ascent;
        const double x = centred ? p.label.x + (p.label.width - m.right) / 2 : p.label.x;
        group.items.push_back(make_text_run(text, p.font, p.label.lines[i], {x, baseline},
                                            m.advance, p.color,
                                            centred ? TextAnchor::middle : TextAnchor::start));
    }
    return group;
}

// The figure with its boxes and gaps multiplied by `scale`, its text at its own size.
Scene functional_figure(const Model& model, const Options& asked, const LayoutContext& context,
                        double scale) {
    Options options = asked;
    for (double* length :
         {&options.column_spacing, &options.row_spacing, &options.component_spacing,
          &options.padding, &options.connector_padding, &options.virtual_node_size})
        *length *= scale;
    // Gaps between captioned boxes stay about a line of text, so that a connector does not run
    // along the caption above it.
    if (options.text_callable != TextCallable::none || !options.caption.empty() ||
        !options.captions.empty()) {
        for (const auto& [length, asked_length] :
             {std::pair{&options.column_spacing, asked.column_spacing},
              std::pair{&options.row_spacing, asked.row_spacing}})
            *length = std::max(*length, std::min(asked_length, options.font_size));
    }
    Graph g = functional::build_graph(model, options, scale);
    if (g.nodes.empty()) throw Error("", "the model has no layer to draw");
    const bool compat = options.compat_visualkeras;
    std::vector<PlacedLabel> labels = captions(model, g, options, context.text);
    // Outside compat mode a caption widens its column and keeps its rows apart, so that no
    // caption runs into another.
    if (!compat) {
        for (const PlacedLabel& p : labels) {
            Node& n = g.nodes[p.node];
            n.caption_width = p.label.width + kCaptionSeparation;
            (p.above ? n.room_above : n.room_below) = p.label.height + kCaptionGap;
        }
    }
    functional::place_nodes(g, options);
    place_captions(labels, g);

    // The canvas: every node's box with the padding right and below, as visualkeras sizes it;
    // outside compat mode also the captions, and the padding on every side.
    Extent reach;
    for (const Node& n : g.nodes) reach.add(n.x, n.y, n.x + n.width, n.y + n.height);
    double shift_x = 0, shift_y = 0;
    double width = std::max(options.padding, reach.right + options.padding);
    double height = std::max(options.padding, reach.bottom + options.padding);
    if (!compat) {
        // Hidden waypoints take no room: the reach is that of what is drawn.
        reach = Extent{};
        for (const Node& n : g.nodes)
            if (n.kind != NodeKind::waypoint || options.render_virtual_nodes)
                reach.add(n.x, n.y, n.x + n.width, n.y + n.height);
        for (const PlacedLabel& p : labels)
            reach.add(p.label.x, p.label.y, p.label.x + p.label.width, p.label.y + p.label.height);
        shift_x = options.padding - reach.left;
        shift_y = options.padding - reach.top;
        width = std::ceil(reach.right - reach.left + 2 * options.padding);
        height = std::ceil(reach.bottom - reach.top + 2 * options.padding);
        for (Node& n : g.nodes) {
            n.x += shift_x;
            n.y += shift_y;
        }
        for (PlacedLabel& p : labels) {
            p.label.x += shift_x;
            p.label.y += shift_y;
        }
    } else {
        width = std::trunc(width);
        height = std::trunc(height);
    }
    if (compat) {
        std::vector<Label> plain;
        for (const PlacedLabel& p : labels) plain.push_back(p.label);
        functional::separate_labels(plain, width, options.padding, kCaptionSeparation);
        for (std::size_t i = 0; i < labels.size(); ++i) labels[i].label.x = plain[i].x;
    }

    Scene scene;
    scene.title = model.name;
    scene.width = width;
    scene.height = height;
    scene.background = options.background_fill;

    // Ids: each layer's from its name first, so that it keeps it whatever else is drawn.
    IdMaker ids;
    std::vector<std::string> node_id(g.nodes.size());
    for (std::size_t v = 0; v < g.nodes.size(); ++v)
        if (g.nodes[v].kind == NodeKind::layer)
            node_id[v] = ids.make(model.layers[g.nodes[v].layer].name);
    // Labels end with the name of the layer a group goes with (a reveal step shows it with
    // that layer): a marker with the output it follows, a connector with the box it reaches.
    std::vector<std::string> node_label(g.nodes.size());
    std::size_t markers = 0;
    for (std::size_t v = 0; v < g.nodes.size(); ++v) {
        const std::string& name = model.layers[g.nodes[v].layer].name;
        if (g.nodes[v].kind == NodeKind::layer) {
            node_label[v] = name;
        } else if (g.nodes[v].kind == NodeKind::output_marker) {
            node_id[v] = ids.make("output_" + std::to_string(markers++));
            node_label[v] = "output after " + name;
        } else {
            node_id[v] = ids.make(name + "-waypoint");
            node_label[v] = "waypoint of " + name;
        }
    }

    // Connectors first, under the boxes.
    for (const functional::Route& route : functional::connector_routes(g, options)) {
        Group group;
        group.id = ids.make(node_id[route.src] + "-to-" + node_id[route.dst]);
        group.label = "connector from " + node_label[route.src] + " to " + node_label[route.dst];
        group.role = Role::connector;
        group.items.push_back(
            Polyline{"connector", route.points, options.connector_fill, options.connector_width});
        if (options.connector_arrow)
            group.items.push_back(Polygon{"arrowhead",
                                          functional::arrowhead(route, options.connector_width),
                                          options.connector_fill, options.connector_fill, 1});
        scene.groups.push_back(std::move(group));
    }

    Palette palette(options.compat_visualkeras);
    for (std::size_t v = 0; v < g.nodes.size(); ++v) {
        const Node& n = g.nodes[v];
        if (n.kind == NodeKind::waypoint && !options.render_virtual_nodes) continue;
        Group group;
        group.id = node_id[v];
        const BoxPlacement box{n.x, n.y + n.de, n.x + n.width - n.de, n.y + n.height, n.de, false};
        Rgba fill, outline{0, 0, 0, 255};
        double shade = options.shade_step;
        if (n.kind == NodeKind::layer) {
            const Layer& layer = model.layers[n.layer];
            const LayerStyle style = resolve_style(layer, options);
            fill = style.fill ? *style.fill : palette.color_for(layer.type);
            outline = style.outline;
            shade = style.shade_step;
            group.label = layer.name;
            group.role = Role::layer;
            group.type = layer.type;
            group.shape = shape_text(layer);
        } else if (n.kind == NodeKind::output_marker) {
            // A class of its own, after every layer's: it takes the next palette colour.
            fill = palette.color_for("\x01output");
            group.label = node_label[v];
            group.role = Role::annotation;
        } else {
            fill = fade(options.background_fill, 10);
            outline = fade(options.connector_fill, 10);
            shade = 0;
            group.label = node_label[v];
            group.role = Role::connector;
        }
        group.box = BoxGeometry{box.x1, box.y1, box.x2, box.y2, box.de};
        group.fill = fill;
        group.outline = outline;
        group.items = box_primitives(box, fill, outline, shade);
        scene.groups.push_back(std::move(group));
    }

    for (const PlacedLabel& p : labels) {
        scene.groups.push_back(caption_group(p, ids.make(node_id[p.node] + "-caption"),
                                             node_label[p.node], context.text, !compat));
    }
    return scene;
}

}  // namespace

Scene functional_view(const Model& model, const Options& options, const LayoutContext& context,
                      Warnings& warnings) {
    Scene scene = functional_figure(model, options, context, 1);
    if (options.width.empty() || options.compat_visualkeras) return scene;
    // Fitted to a width: the boxes and gaps shrink (never the text) until the figure is as
    // wide as asked; a figure narrower than that keeps its size.
    const double limit = length_in_px(options.width, "width");
    double scale = 1;
    // Captions wider than their boxes keep their columns wide: boxes are not made smaller than
    // a twentieth of their size for them.
    const bool captioned = std::any_of(scene.groups.begin(), scene.groups.end(),
                                       [](const Group& g) { return g.role == Role::caption; });
    const double kLeastScale = captioned ? 0.05 : 1e-4;
    for (int round = 0; round < 30 && scene.width > limit + 0.5 && scale > kLeastScale; ++round) {
        scale = std::max(kLeastScale, scale * limit / scene.width);
        scene = functional_figure(model, options, context, scale);
    }
    if (scene.width > limit + 0.5)
        warnings.push_back({"width", "the captions of the functional view are wider than " +
                                         options.width +
                                         " side by side: the figure is wider "
                                         "(give a wider width, smaller text or fewer captions)"});
    return scene;
}

}  // namespace strata::layout
