#include "layout/functional/functional_view.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "layout/decorations/caption_breaks.hpp"
#include "layout/decorations/captions.hpp"
#include "layout/decorations/face_pictures.hpp"
#include "layout/decorations/group_emission.hpp"
#include "layout/decorations/layer_groups.hpp"
#include "layout/decorations/text_budget.hpp"
#include "layout/decorations/text_run.hpp"
#include "layout/functional/box_text.hpp"
#include "layout/functional/caption_lines.hpp"
#include "layout/functional/collapse_marks.hpp"
#include "layout/functional/connector_routes.hpp"
#include "layout/functional/functional_graph.hpp"
#include "layout/functional/node_labels.hpp"
#include "layout/functional/placement.hpp"
#include "layout/functional/rotated_box.hpp"
#include "layout/functional/row_wrap.hpp"
#include "layout/layered/box_faces.hpp"
#include "layout/layered/connector_shapes.hpp"
#include "layout/layered/ids.hpp"
#include "strata/error.hpp"
#include "strata/printable.hpp"
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

// What a collapsed run stands for, as a layer a caption can describe: its first layer's class,
// its last layer's output; named as visualkeras names it in compat mode, else by its ends.
Layer run_layer(const Model& model, const Node& node, bool compat) {
    Layer layer = model.layers[node.layer];
    const Layer& last = model.layers[node.collapsed->last_layer];
    layer.name = compat ? "collapsed_" + layer.name + "_" + node.collapsed->label
                        : layer.name + " \xe2\x80\xa6 " + last.name;
    layer.shapes = last.shapes;
    layer.shape_known = last.shape_known;
    layer.channel_axis = last.channel_axis;
    return layer;
}

// The captions of the drawn boxes (waypoints have none), numbered in the model's order, measured
// but not yet placed.
std::vector<PlacedLabel> captions(const Model& model, const Graph& g, const Options& options,
                                  TextMeasurer& text, double wrap) {
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
                            : n.collapsed ? run_layer(model, n, options.compat_visualkeras)
                                          : model.layers[n.layer];
        const std::optional<std::string> caption = caption_for(layer, i, options, budget);
        if (!caption || caption->empty()) continue;
        const LayerStyle style = resolve_style(layer, options);
        PlacedLabel placed{shown[i], false, {}, style.font, style.font_color, style.text_vspacing};
        placed.label.lines = caption_text_lines(*caption);
        if (wrap < std::numeric_limits<double>::infinity())
            placed.label.lines =
                functional::broken_lines(placed.label.lines, wrap, text, style.font);
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

// What a node's box carries beyond its own height, above and below it: the arrow of a
// collapsed block, the parts of a turned box that its node does not hold.
struct Beyond {
    double above = 0, below = 0;
};

// Each caption centred on its box's front face, above or below it, beyond what the box
// carries on that side.
void place_captions(std::vector<PlacedLabel>& labels, const Graph& g,
                    const std::vector<Beyond>& beyond_box) {
    for (PlacedLabel& p : labels) {
        const Node& n = g.nodes[p.node];
        const double face_w = n.width - n.de, face_h = n.height - n.de, face_y = n.y + n.de;
        const double beyond = p.above ? beyond_box[p.node].above : beyond_box[p.node].below;
        p.label.x = n.x + face_w / 2 - p.label.width / 2;
        p.label.y = p.above ? std::trunc(face_y - p.label.height - kCaptionGap - beyond)
                            : std::trunc(face_y + face_h + kCaptionGap + beyond);
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

// The name simple_text_visualization writes in a node's box: its class, words apart.
std::string inside_label(const Model& model, const Node& n, bool compat) {
    return functional::spaced_class_name(
        n.kind == NodeKind::output_marker ? "Output" : model.layers[n.layer].type, compat);
}

// The front face and depth of a node's box.
BoxPlacement box_of(const Node& n) {
    return {n.x, n.y + n.de, n.x + n.width - n.de, n.y + n.height, n.de, false};
}

// The boxes of the layer nodes (collapsed runs under their first layer's name), as groups,
// logos and face images take them.
std::vector<BoxPlacement> layer_boxes(const Graph& g, const std::vector<std::size_t>& nodes) {
    std::vector<BoxPlacement> boxes;
    for (std::size_t v : nodes) boxes.push_back(box_of(g.nodes[v]));
    return boxes;
}

// How a figure is fitted to a width: its boxes and gaps multiplied by `scale`, its captions'
// lines broken to at most `wrap` pixels, its text at `font_size` (unset: as asked), its
// columns wrapped into rows `row_width` wide.
struct Fit {
    double scale = 1;
    double wrap = std::numeric_limits<double>::infinity();
    std::optional<double> font_size;
    double row_width = std::numeric_limits<double>::infinity();  // rows no wider than this
};

// The figure fitted as `fit` says.
Scene functional_figure(const Model& model, const Options& asked, const LayoutContext& context,
                        const Fit& fit, Warnings* warnings) {
    Options options = asked;
    const double scale = fit.scale;
    if (fit.font_size) options.font_size = *fit.font_size;
    // Flat boxes with their text: below them, a name and shape caption unless one is asked.
    const bool simple = options.simple_text_visualization;
    const bool text_inside =
        simple && options.simple_text_label_mode == SimpleTextLabelMode::inside;
    if (simple) {
        options.draw_volume = false;
        if (!text_inside && options.text_callable == TextCallable::none &&
            options.caption.empty() && options.captions.empty())
            options.text_callable = TextCallable::name_shape;
    }
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
    if (warnings != nullptr)
        for (std::size_t r = 0; r < options.collapse_rules.size(); ++r)
            for (const std::string& key : options.collapse_rules[r].ignored_keys)
                warnings->push_back(
                    {"collapse_rules[" + std::to_string(r) + "]",
                     "unknown key " + quoted_text(key) +
                         " ignored (a rule's keys: kind, selector, repeat_count, label, "
                         "annotation_position)"});
    if (warnings != nullptr)
        for (std::size_t r = 0; r < g.rule_matches.size(); ++r)
            if (g.rule_matches[r] == 0)
                warnings->push_back({"collapse_rules[" + std::to_string(r) + "]",
                                     "matches no run of layers along a chain without branches"});
    const bool compat = options.compat_visualkeras;
    std::vector<PlacedLabel> labels = captions(model, g, options, context.text, fit.wrap);
    // Outside compat mode a box grows to hold the name written in it at the caption size
    // (visualkeras turns the name a quarter turn and lets it run out of narrow boxes).
    if (text_inside && !compat)
        for (Node& n : g.nodes) {
            if (n.kind == NodeKind::waypoint) continue;
            const functional::BoxTextRoom room = functional::box_text_room(
                context.text, inside_label(model, n, compat),
                FontSpec{options.font, options.font_size}, options.text_vspacing);
            n.width = std::max(n.width, room.width + n.de);
            n.height = std::max(n.height, room.height + n.de);
        }
    const FontSpec mark_font{options.font, 12};
    functional::CollapseMarkStyle marks{mark_font, options.font_color, options.connector_fill,
                                        options.collapse_annotations, 0};
    // Outside compat mode the arrow of a collapsed block and the reach of a turned box keep
    // their rows apart too.
    std::vector<Beyond> beyond(g.nodes.size());
    if (!compat)
        for (std::size_t v = 0; v < g.nodes.size(); ++v) {
            Node& n = g.nodes[v];
            const double arrow = functional::annotation_room(n, context.text, marks);
            (n.collapsed && n.collapsed->position == AnnotationPosition::below ? beyond[v].below
                                                                               : beyond[v].above) +=
                arrow;
            if (options.orientation_rotation && n.de > 0) {
                double top = n.y + n.de, bottom = n.y + n.height;
                for (const Primitive& item :
                     functional::rotated_box(box_of(n), *options.orientation_rotation, {}, {}, 0))
                    for (const Point& q : std::get<Polygon>(item).points) {
                        top = std::min(top, q.y);
                        bottom = std::max(bottom, q.y);
                    }
                beyond[v].above += std::max(0.0, n.y + n.de - top);
                beyond[v].below += std::max(0.0, bottom - (n.y + n.height));
            }
            n.room_above += beyond[v].above;
            n.room_below += beyond[v].below;
        }
    // visualkeras keeps room for the captions below flat boxes (simple_text_visualization).
    if (compat && simple && !text_inside)
        for (const PlacedLabel& p : labels)
            (p.above ? g.nodes[p.node].room_above : g.nodes[p.node].room_below) =
                std::trunc(p.label.height) + 4;
    // Outside compat mode a caption widens its column and keeps its rows apart, so that no
    // caption runs into another.
    if (!compat) {
        for (const PlacedLabel& p : labels) {
            Node& n = g.nodes[p.node];
            n.caption_width = p.label.width + kCaptionSeparation;
            (p.above ? n.room_above : n.room_below) += p.label.height + kCaptionGap;
        }
    }
    functional::place_nodes(g, options);
    if (fit.row_width < std::numeric_limits<double>::infinity())
        functional::wrap_rows(g, fit.row_width, options.row_spacing + options.font_size,
                              options.column_spacing);
    place_captions(labels, g, beyond);

    // Layer groups around the layer nodes (waypoints and markers belong to none).
    Warnings unreported;
    Warnings& warned = warnings != nullptr ? *warnings : unreported;
    std::vector<std::size_t> layer_nodes;
    std::vector<std::string> layer_names;
    for (std::size_t v = 0; v < g.nodes.size(); ++v)
        if (g.nodes[v].kind == NodeKind::layer) {
            layer_nodes.push_back(v);
            layer_names.push_back(model.layers[g.nodes[v].layer].name);
        }
    LayerGroups groups(options, layer_names, model, context.text, warned);
    if (!compat) {
        // Rectangles hold their members' captions and marks too.
        std::vector<std::optional<Rect>> carried(layer_nodes.size());
        std::vector<std::size_t> slot(g.nodes.size(), layer_nodes.size());
        for (std::size_t i = 0; i < layer_nodes.size(); ++i) slot[layer_nodes[i]] = i;
        const auto carry = [&](std::size_t v, double x1, double y1, double x2, double y2) {
            const std::size_t i = slot[v];
            if (i == layer_nodes.size()) return;
            const BoxPlacement b = box_of(g.nodes[v]);
            const Rect r{x1 - b.x1, y1 - b.y1, x2 - b.x1, y2 - b.y1};
            if (!carried[i]) carried[i] = r;
            carried[i]->left = std::min(carried[i]->left, r.left);
            carried[i]->top = std::min(carried[i]->top, r.top);
            carried[i]->right = std::max(carried[i]->right, r.right);
            carried[i]->bottom = std::max(carried[i]->bottom, r.bottom);
        };
        for (const PlacedLabel& p : labels)
            carry(p.node, p.label.x, p.label.y, p.label.x + p.label.width,
                  p.label.y + p.label.height);
        for (std::size_t v = 0; v < g.nodes.size(); ++v)
            if (beyond[v].above > 0 || beyond[v].below > 0) {
                const Node& n = g.nodes[v];
                carry(v, n.x, n.y - beyond[v].above, n.x + n.width,
                      n.y + n.height + beyond[v].below);
            }
        groups.enclose_marks(std::move(carried));
    }
    constexpr double kFar = std::numeric_limits<double>::infinity();
    Rect group_reach{kFar, kFar, -kFar, -kFar};
    groups.extend(layer_boxes(g, layer_nodes), group_reach);
    const bool grouped = group_reach.left <= group_reach.right;

    // The canvas: every node's box with the padding right and below, as visualkeras sizes it;
    // outside compat mode also the captions, and the padding on every side.
    Extent reach;
    for (const Node& n : g.nodes) reach.add(n.x, n.y, n.x + n.width, n.y + n.height);
    double shift_x = 0, shift_y = 0;
    double width = std::max(options.padding, reach.right + options.padding);
    double height = std::max(options.padding, reach.bottom + options.padding);
    if (grouped) {
        width = std::max(width, group_reach.right + options.padding);
        height = std::max(height, group_reach.bottom + options.padding);
    }
    for (const Node& n : g.nodes) {
        if (n.collapsed && n.collapsed->kind == CollapseKind::block &&
            options.collapse_annotations && n.collapsed->position == AnnotationPosition::below)
            height = std::max(height, n.y + n.height + 10 + options.padding + 24);
        height = std::max(height, n.y + n.height + n.room_below + options.padding);
    }
    if (!compat) {
        // Hidden waypoints take no room: the reach is that of what is drawn.
        reach = Extent{};
        for (std::size_t v = 0; v < g.nodes.size(); ++v) {
            const Node& n = g.nodes[v];
            if (n.kind != NodeKind::waypoint || options.render_virtual_nodes)
                reach.add(n.x, n.y, n.x + n.width, n.y + n.height);
            // A turned box reaches past its node.
            if (options.orientation_rotation && n.de > 0)
                for (const Primitive& item :
                     functional::rotated_box(box_of(n), *options.orientation_rotation, {}, {}, 0))
                    for (const Point& p : std::get<Polygon>(item).points)
                        reach.add(p.x, p.y, p.x, p.y);
            if (beyond[v].above > 0 || beyond[v].below > 0)
                reach.add(n.x, n.y - beyond[v].above, n.x + n.width,
                          n.y + n.height + beyond[v].below);
        }
        for (const PlacedLabel& p : labels)
            reach.add(p.label.x, p.label.y, p.label.x + p.label.width, p.label.y + p.label.height);
        if (grouped)
            reach.add(group_reach.left, group_reach.top, group_reach.right, group_reach.bottom);
        const functional::RowPassages& ways = g.passages;
        for (std::size_t k = 0; k < ways.band_y.size(); ++k) {
            const double out =
                ways.lane[k] * static_cast<double>(std::max<std::size_t>(ways.lanes[k], 1) - 1);
            reach.add(ways.turn_left[k] - out, ways.band_y[k], ways.turn_right[k] + out,
                      ways.band_y[k] + out);
        }
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
        for (double& y : g.passages.band_y) y += shift_y;
        for (std::vector<double>* xs : {&g.passages.turn_left, &g.passages.turn_right})
            for (double& x : *xs) x += shift_x;
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
            node_id[v] = ids.make((g.nodes[v].collapsed ? "collapsed-" : "") +
                                  model.layers[g.nodes[v].layer].name);
    // Labels end with the name of the layer a group goes with (a reveal step shows it with
    // that layer): a marker with the output it follows, a connector with the box it reaches.
    std::vector<std::string> node_label(g.nodes.size());
    std::size_t markers = 0;
    for (std::size_t v = 0; v < g.nodes.size(); ++v) {
        const std::string& name = model.layers[g.nodes[v].layer].name;
        if (g.nodes[v].kind == NodeKind::layer) {
            node_label[v] = g.nodes[v].collapsed ? run_layer(model, g.nodes[v], false).name + " (" +
                                                       g.nodes[v].collapsed->label + ")"
                                                 : name;
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

    FacePictures pictures(options, context.images, warned);
    Palette palette(options.compat_visualkeras, model);
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
            group.label = node_label[v];
            group.role = Role::layer;
            group.type = layer.type;
            group.shape = shape_text(n.collapsed ? run_layer(model, n, false) : layer);
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
        group.items =
            options.orientation_rotation && box.de > 0
                ? functional::rotated_box(box, *options.orientation_rotation, fill, outline, shade)
                : box_primitives(box, fill, outline, shade);
        // Flat boxes with text have visualkeras' 2 px outline.
        if (simple)
            for (Primitive& item : group.items)
                if (auto* face = std::get_if<Polygon>(&item)) face->stroke_width = 2;
        scene.groups.push_back(std::move(group));
        if (n.kind == NodeKind::layer) {
            // A collapsed block has no face image (its layers differ); flat boxes take theirs
            // on the front.
            const Layer& layer = model.layers[n.layer];
            LayerStyle style = resolve_style(layer, options);
            if (n.collapsed && n.collapsed->kind == CollapseKind::block) style.image.reset();
            if (simple) style.image_axis = Axis::z;
            // A turned box takes its pictures on its turned faces, as visualkeras places them
            // on the faces it projected.
            const std::optional<double> turn = options.orientation_rotation && box.de > 0
                                                   ? options.orientation_rotation
                                                   : std::nullopt;
            pictures.append_after_box(scene, layer, node_id[v], style, box, ids, turn);
        }
    }
    const std::vector<BoxPlacement> placements = layer_boxes(g, layer_nodes);
    prepend_group_rectangles(scene, groups, placements, ids);

    if (text_inside) {
        FontSpec font{options.font, 14};
        for (std::size_t v = 0; v < g.nodes.size(); ++v) {
            const Node& n = g.nodes[v];
            if (n.kind == NodeKind::waypoint) continue;
            scene.groups.push_back(functional::box_text(
                context.text, inside_label(model, n, compat), font,
                compat ? 8 : std::min(8.0, options.font_size), options.font_color,
                options.text_vspacing, std::trunc(n.x), std::trunc(n.y), std::trunc(n.x + n.width),
                std::trunc(n.y + n.height), ids.make(node_id[v] + "-text"), node_label[v]));
        }
    }

    for (const PlacedLabel& p : labels) {
        scene.groups.push_back(caption_group(p, ids.make(node_id[p.node] + "-caption"),
                                             node_label[p.node], context.text, !compat));
    }

    marks.compat = compat;
    if (compat) marks.canvas_height = height;
    for (std::size_t v = 0; v < g.nodes.size(); ++v)
        if (g.nodes[v].collapsed)
            scene.groups.push_back(functional::collapse_marks(g.nodes[v], context.text, marks,
                                                              ids.make(node_id[v] + "-mark"),
                                                              "mark of " + node_label[v]));
    append_group_titles(scene, groups, placements, ids);
    pictures.append_logos_legend(scene, context.text, ids);
    return scene;
}

// The tallest figure rows may make, in px: TeX measures up to 16 000 bp.
constexpr double kTallestRows = 20000;

// Why a figure fitted to a width stays wider, and what would make it fit.
std::string too_wide_message(const Options& options, const Scene& scene, double rows_height) {
    const auto px = [](double length) { return std::to_string(std::llround(length)) + " px"; };
    const std::string stays = "the functional view's figure stays " + px(scene.width) +
                              " wide, wider than " + options.width + ": ";
    // No level is suggested for rows: level auto already draws blocks or stages where a model
    // has them.
    if (rows_height > 0)
        return stays + "its captions need the columns wrapped into rows, and those rows would be " +
               px(rows_height) + " tall, more than an output can hold (" + px(kTallestRows) +
               "), so it stays one row (give a wider width, or fewer boxes: type_ignore, "
               "collapse_rules)";
    return stays +
           "its captions do not fit side by side (give a wider width, smaller text or "
           "fewer captions, or --level auto to draw blocks or stages)";
}

}  // namespace

Scene functional_view(const Model& model, const Options& options, const LayoutContext& context,
                      Warnings& warnings) {
    Scene scene = functional_figure(model, options, context, Fit{}, &warnings);
    if (options.width.empty() || options.compat_visualkeras) return scene;
    // Fitted to a width: first the boxes and gaps shrink, down to a quarter of their size;
    // then the columns of a captioned figure wrap into rows, then captions break onto more lines
    // (each round three quarters as wide as the widest line before), then the text gets smaller,
    // down to min_font_size; last the boxes shrink further, down to a twentieth. A figure narrower
    // than the width keeps its size.
    const double limit = length_in_px(options.width, "width");
    const auto fits = [&](const Scene& s) { return s.width <= limit + 0.5; };
    Fit fit;
    const auto shrink_boxes = [&](double least) {
        for (int round = 0; round < 30 && !fits(scene) && fit.scale > least; ++round) {
            fit.scale = std::max(least, fit.scale * limit / scene.width);
            scene = functional_figure(model, options, context, fit, nullptr);
        }
    };
    shrink_boxes(0.25);
    // Captions wider than their boxes keep their columns wide: the columns wrap into rows as
    // wide as the width, unless that makes a tower taller than any output can hold (a long
    // chain), and boxes are not made smaller than a twentieth of their size for them.
    const bool captioned = std::any_of(scene.groups.begin(), scene.groups.end(),
                                       [](const Group& g) { return g.role == Role::caption; });
    double rows_height = 0;  // of the rows given up as too tall; 0: none were
    if (!fits(scene) && captioned) {
        Fit rows = fit;
        rows.row_width = limit - 2 * options.padding;
        Scene wrapped = functional_figure(model, options, context, rows, nullptr);
        if (wrapped.height <= kTallestRows) {
            fit = rows;
            scene = std::move(wrapped);
        } else {
            rows_height = wrapped.height;
        }
    }
    const auto widest_caption_line = [&] {
        double widest = 0;
        for (const Group& g : scene.groups)
            if (g.role == Role::caption)
                for (const Primitive& item : g.items)
                    if (const auto* run = std::get_if<TextRun>(&item))
                        widest = std::max(widest, run->advance);
        return widest;
    };
    const double least_wrap = 4 * options.font_size;
    while (!fits(scene)) {
        const double widest = widest_caption_line();
        const double wrap = std::max(least_wrap, 0.75 * std::min(widest, fit.wrap));
        if (widest <= least_wrap || wrap >= fit.wrap) break;
        fit.wrap = wrap;
        scene = functional_figure(model, options, context, fit, nullptr);
    }
    const double least_font = std::min(options.font_size, points_to_px(options.min_font_size));
    while (!fits(scene) && fit.font_size.value_or(options.font_size) > least_font) {
        const double size = fit.font_size.value_or(options.font_size);
        fit.font_size = std::max(least_font, size - 1);
        if (fit.wrap < std::numeric_limits<double>::infinity()) fit.wrap *= *fit.font_size / size;
        scene = functional_figure(model, options, context, fit, nullptr);
    }
    shrink_boxes(captioned ? 0.05 : 1e-4);
    if (!fits(scene)) warnings.push_back({"width", too_wide_message(options, scene, rows_height)});
    return scene;
}

}  // namespace strata::layout
