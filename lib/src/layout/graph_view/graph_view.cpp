#include "layout/graph_view/graph_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "layout/decorations/captions.hpp"
#include "layout/graph_view/graph_columns.hpp"
#include "layout/graph_view/node_shapes.hpp"
#include "layout/graph_view/node_stack.hpp"
#include "layout/layered/ids.hpp"
#include "strata/error.hpp"
#include "style/layer_style.hpp"
#include "style/length.hpp"

namespace strata::layout {

// The most connecting lines a graph view draws (some 20 MB of SVG).
constexpr std::uint64_t kMostGraphLines = 200'000;
namespace {

constexpr Rgba kOrange{255, 165, 0, 255};  // visualkeras' node fill
constexpr double kBoxScale = 3;            // a box is this many node sizes tall
constexpr double kThinnestPx = 0.4;        // 0.3 bp: the thinnest a scaled line is drawn
constexpr double kSmallestNodePx = 1;      // a node narrower is not seen

struct PlacedNode {
    NodeKind kind = NodeKind::neuron;
    NodeBox box;
};

struct PlacedMember {
    std::vector<PlacedNode> nodes;
    Rgba fill = kOrange;
    Rgba outline{0, 0, 0, 255};
};

// The members' nodes at visualkeras' places: columns `layer_spacing` apart from the left
// padding, nodes `node_spacing` apart down a column, layers in a column twice the node size
// apart, each column centred on the canvas's height.
struct Placement {
    std::vector<PlacedMember> members;
    double width = 0, height = 0;
};

Placement place(const Model& model, const GraphColumns& graph, const Options& options,
                Warnings& warnings) {
    const double size = options.node_size, gap = options.node_spacing;
    Placement placed;
    placed.members.resize(graph.members.size());
    std::vector<double> column_heights;
    double x = options.padding, right = options.padding;
    bool capped = false;
    for (const auto& column : graph.columns) {
        double y = 0, column_width = 0;
        for (std::size_t m : column) {
            const GraphMember& member = graph.members[m];
            PlacedMember& out = placed.members[m];
            if (member.layer) {
                const LayerStyle style = resolve_style(model.layers[*member.layer], options);
                out.fill = style.fill.value_or(kOrange);
                out.outline = style.outline;
            }
            bool cut = false;
            for (NodeKind kind : node_stack(neuron_count(model, member, options), options, cut)) {
                const double height = kind == NodeKind::box ? size * kBoxScale : size;
                out.nodes.push_back({kind, {x, y, x + size, y + height}});
                y += height + gap;
                right = std::max(right, x + size);
            }
            capped = capped || cut;
            column_width = size;
            y += 2 * size;
        }
        column_heights.push_back(y - gap - 2 * size);
        x += column_width + options.layer_spacing;
    }
    if (capped) {
        warnings.push_back({"ellipsize_after", "a layer has more neurons than the " +
                                                   std::to_string(kMostNodesPerStack) +
                                                   " nodes a stack draws at most: the rest are "
                                                   "drawn as dots"});
    }
    const double tallest = *std::max_element(column_heights.begin(), column_heights.end());
    placed.width = right + options.padding;
    placed.height = tallest + 2 * options.padding;
    if (options.compat_visualkeras) {
        placed.width = std::ceil(placed.width);
        placed.height = std::ceil(placed.height);
    }
    for (std::size_t c = 0; c < graph.columns.size(); ++c) {
        const double offset = (tallest + 2 * options.padding - column_heights[c]) / 2;
        for (std::size_t m : graph.columns[c]) {
            for (PlacedNode& node : placed.members[m].nodes) {
                node.box.y1 += offset;
                node.box.y2 += offset;
            }
        }
    }
    return placed;
}

Point right_middle(const NodeBox& b) {
    return {b.x2, (b.y1 + b.y2) / 2};
}
Point left_middle(const NodeBox& b) {
    return {b.x1, (b.y1 + b.y2) / 2};
}

Group connector_group(const GraphColumns& graph, const Placement& placed, std::size_t from,
                      std::size_t to, const Options& options, IdMaker& ids) {
    const GraphMember& start = graph.members[from];
    const GraphMember& end = graph.members[to];
    const std::string end_label = end.layer ? end.name : end.name + " output";
    Group g;
    g.id = ids.make(start.name + "-to-" + end_label);
    g.label = "from " + start.name + " to " + end_label;
    g.role = Role::connector;
    for (const PlacedNode& a : placed.members[from].nodes) {
        if (a.kind == NodeKind::ellipsis) continue;
        for (const PlacedNode& b : placed.members[to].nodes) {
            if (b.kind == NodeKind::ellipsis) continue;
            g.items.push_back(Polyline{"connection",
                                       {right_middle(a.box), left_middle(b.box)},
                                       options.connector_fill,
                                       options.connector_width});
        }
    }
    return g;
}

Group member_group(const Model& model, const GraphMember& member, const PlacedMember& placed,
                   IdMaker& ids) {
    Group g;
    g.role = Role::layer;
    g.fill = placed.fill;
    g.outline = placed.outline;
    if (member.layer) {
        const Layer& layer = model.layers[*member.layer];
        g.id = ids.make(member.name);
        g.label = member.name;
        g.type = layer.type;
        g.shape = shape_text(layer);
    } else {
        g.id = ids.make(member.name + "-output");
        g.label = member.name + " output";
        g.type = "Output";
        g.shape = shape_text(model.layers[model.outputs[member.output].layer]);
    }
    for (const PlacedNode& node : placed.nodes) {
        switch (node.kind) {
            case NodeKind::neuron:
                g.items.push_back(neuron_shape(node.box, placed.fill, placed.outline));
                break;
            case NodeKind::box:
                g.items.push_back(box_shape(node.box, placed.fill, placed.outline));
                break;
            case NodeKind::ellipsis:
                for (Polygon& dot : ellipsis_shapes(node.box, placed.fill, placed.outline))
                    g.items.push_back(std::move(dot));
                break;
        }
    }
    return g;
}

// The scene scaled about the origin so that it is `width` wide, or less when `height` asks.
// Lines thin with it, as a figure's lines are in proportion to its nodes, but to no less than
// 0.3 bp, which print still shows.
void fit_to_room(Scene& scene, const Options& options, Warnings& warnings) {
    if (options.width.empty() || options.compat_visualkeras || scene.width <= 0) return;
    double factor = length_in_px(options.width, "width") / scene.width;
    if (!options.height.empty() && scene.height > 0)
        factor = std::min(factor, length_in_px(options.height, "height") / scene.height);
    // Nodes under a pixel across are not seen at all (a figure a few pixels tall, or none).
    if (options.node_size * factor < kSmallestNodePx) {
        const bool by_height =
            !options.height.empty() && factor < length_in_px(options.width, "width") / scene.width;
        const std::string& bound = by_height ? options.height : options.width;
        char across[32];
        std::snprintf(across, sizeof across, "%.2g", options.node_size * factor);
        warnings.push_back({by_height ? "height" : "width",
                            "the graph view cannot be made as " +
                                std::string(by_height ? "short" : "narrow") + " as " + bound +
                                " with nodes that can be seen: they are drawn " + across +
                                " px across (give a larger " + (by_height ? "height" : "width") +
                                ", or fewer layers)"});
    }
    const auto scaled = [factor](std::vector<Point>& points) {
        for (Point& p : points) {
            p.x *= factor;
            p.y *= factor;
        }
    };
    const auto thinned = [factor](double width) {
        return std::max(width * factor, std::min(width, kThinnestPx));
    };
    for (Group& group : scene.groups) {
        for (Primitive& item : group.items) {
            if (auto* polygon = std::get_if<Polygon>(&item)) {
                scaled(polygon->points);
                polygon->stroke_width = thinned(polygon->stroke_width);
            } else if (auto* line = std::get_if<Polyline>(&item)) {
                scaled(line->points);
                line->stroke_width = thinned(line->stroke_width);
            }
        }
    }
    scene.width *= factor;
    scene.height *= factor;
}

}  // namespace

Scene graph_view(const Model& model, const Options& options, const LayoutContext&,
                 Warnings& warnings) {
    const GraphColumns graph = graph_columns(model, options);
    if (graph.members.empty()) throw Error("", "the model has no layer to draw");
    const Placement placed = place(model, graph, options, warnings);

    Scene scene;
    scene.title = model.name;
    scene.width = placed.width;
    scene.height = placed.height;
    scene.background = options.background_fill;
    // Every node of a layer joins every node of the next: many wide joins (a thousand layers
    // into each of hundreds of additions) would make a figure of millions of lines.
    std::uint64_t lines = 0;
    for (const auto& [from, to] : graph.edges) {
        lines += static_cast<std::uint64_t>(placed.members[from].nodes.size()) *
                 placed.members[to].nodes.size();
    }
    if (lines > kMostGraphLines) {
        throw Error("", "the graph view of this model draws " + std::to_string(lines) +
                            " connecting lines, more than " + std::to_string(kMostGraphLines) +
                            ": give a smaller ellipsize_after, or draw another view");
    }
    IdMaker ids;
    for (const auto& [from, to] : graph.edges)
        scene.groups.push_back(connector_group(graph, placed, from, to, options, ids));
    for (const auto& column : graph.columns) {
        for (std::size_t m : column)
            scene.groups.push_back(member_group(model, graph.members[m], placed.members[m], ids));
    }
    scene.view = "graph";
    fit_to_room(scene, options, warnings);
    return scene;
}

}  // namespace strata::layout
