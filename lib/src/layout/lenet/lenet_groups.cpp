#include "layout/lenet/lenet_groups.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "layout/decorations/text_run.hpp"

namespace strata::layout {
namespace {

std::vector<Point> corners(const Rect& r) {
    return {{r.x1, r.y1}, {r.x2, r.y1}, {r.x2, r.y2}, {r.x1, r.y2}};
}

Rgba faded(Rgba c, double amount) {
    const auto fade = [amount](std::uint8_t v) {
        return static_cast<std::uint8_t>(std::clamp(v - amount, 0.0, 255.0));
    };
    return {fade(c.r), fade(c.g), fade(c.b), c.a};
}

Rgba with_alpha(Rgba c, std::uint8_t alpha) {
    c.a = alpha;
    return c;
}

std::string shape_text(const Layer& layer) {
    if (layer.shapes.empty()) return "";
    std::string text;
    const Shape& shape = layer.shapes.front();
    for (std::size_t i = 1; i < shape.size(); ++i) {
        if (!text.empty()) text += " x ";
        text += shape[i] == kUnknownDim ? "?" : std::to_string(shape[i]);
    }
    return text;
}

Group stack_group(const Layer& layer, const FeatureStack& s, const std::string& id) {
    Group g;
    g.id = id;
    g.label = layer.name;
    g.role = Role::layer;
    g.type = layer.type;
    g.shape = shape_text(layer);
    g.fill = s.fill;
    g.outline = s.style.outline;
    for (int i = s.visible - 1; i >= 0; --i) {
        const double d = i * s.map_spacing;
        const Rect map{s.x - d, s.y - d, s.x - d + s.width, s.y - d + s.height};
        const Rgba fill = faded(s.fill, (s.visible - 1 - i) * std::max(0.0, s.style.shade_step));
        g.items.push_back(
            Polygon{i == 0 ? "front" : "map", corners(map), fill, s.style.outline, 1});
    }
    return g;
}

// The band between two faces (its top and bottom edges drawn again over its outline, as
// visualkeras strokes them twice) and, for a receptive field, the two patches.
Group connection_group(const Model& model, const std::vector<FeatureStack>& stacks,
                       const Connection& c, const LenetColors& colors, IdMaker& ids) {
    const Rect src = stacks[c.from].front(), dst = stacks[c.to].front();
    const std::string& to_name = model.layers[stacks[c.to].layer].name;
    Group g;
    g.id = ids.make(model.layers[stacks[c.from].layer].name + "-to-" + to_name);
    g.label = "connection to " + to_name;
    g.role = Role::funnel;
    Point a, b, p, q;  // source top, target top, target bottom, source bottom
    std::uint8_t alpha = 55;
    switch (c.kind) {
        case ConnectionKind::receptive_field:
            a = {c.source_patch.x2, c.source_patch.y1};
            b = {c.target_patch.x1, c.target_patch.y1};
            p = {c.target_patch.x1, c.target_patch.y2};
            q = {c.source_patch.x2, c.source_patch.y2};
            alpha = 90;
            break;
        case ConnectionKind::funnel:
            a = {src.x2, src.y1};
            b = {dst.x1, dst.y1};
            p = {dst.x1, dst.y2};
            q = {src.x2, src.y2};
            alpha = 70;
            break;
        case ConnectionKind::band: {
            const double sh = (src.y2 - src.y1) * 0.2, dh = (dst.y2 - dst.y1) * 0.2;
            a = {src.x2, src.y1 + sh};
            b = {dst.x1, dst.y1 + dh};
            p = {dst.x1, dst.y2 - dh};
            q = {src.x2, src.y2 - sh};
            break;
        }
    }
    const double w = std::max(1.0, std::trunc(colors.connector_width));
    g.items.push_back(
        Polygon{"band", {a, b, p, q}, with_alpha(colors.connector, alpha), colors.connector, w});
    g.items.push_back(Polyline{"edge", {a, b}, colors.connector, w});
    g.items.push_back(Polyline{"edge", {q, p}, colors.connector, w});
    if (c.kind == ConnectionKind::receptive_field && colors.draw_patches) {
        g.items.push_back(
            Polygon{"patch", corners(c.source_patch), colors.patch_fill, colors.patch_outline, 1});
        g.items.push_back(
            Polygon{"patch", corners(c.target_patch), colors.patch_fill, colors.patch_outline, 1});
    }
    return g;
}

// A run for each line of the label, centred on its stack.
void add_label_runs(Group& g, const StackLabel& label, TextMeasurer& text) {
    for (std::size_t j = 0; j < label.lines.size(); ++j) {
        const double advance = text.measure(label.lines[j], label.font).advance;
        const double baseline = label.top + label.ascent + label.pitch * static_cast<double>(j);
        g.items.push_back(make_text_run(text, label.font, label.lines[j],
                                        {label.center_x - advance / 2, baseline}, advance,
                                        label.color, TextAnchor::middle));
    }
}

}  // namespace

std::vector<Group> lenet_groups(const Model& model, const std::vector<FeatureStack>& stacks,
                                const std::vector<Connection>& links,
                                const std::vector<SkipArc>& arcs,
                                const std::vector<StackLabels>& labels, const LenetColors& colors,
                                TextMeasurer& text) {
    IdMaker ids;
    std::vector<Group> groups;
    std::vector<std::string> stack_ids;
    for (const FeatureStack& s : stacks) stack_ids.push_back(ids.make(model.layers[s.layer].name));
    for (std::size_t i = 0; i < stacks.size(); ++i)
        groups.push_back(stack_group(model.layers[stacks[i].layer], stacks[i], stack_ids[i]));
    for (const Connection& c : links)
        groups.push_back(connection_group(model, stacks, c, colors, ids));
    for (const SkipArc& arc : arcs) {
        const std::string& to_name = model.layers[stacks[arc.to].layer].name;
        Group g;
        g.id = ids.make(model.layers[stacks[arc.from].layer].name + "-to-" + to_name);
        g.label = "connection to " + to_name;
        g.role = Role::connector;
        g.items.push_back(Polyline{"arc", arc.points, colors.connector, colors.arc_width});
        groups.push_back(std::move(g));
    }
    for (std::size_t i = 0; i < stacks.size(); ++i) {
        if (!labels[i].top && !labels[i].bottom) continue;
        const Layer& layer = model.layers[stacks[i].layer];
        Group g;
        g.id = ids.make(stack_ids[i] + "-caption");
        g.label = layer.name;
        g.role = Role::caption;
        g.type = layer.type;
        if (labels[i].top) add_label_runs(g, *labels[i].top, text);
        if (labels[i].bottom) add_label_runs(g, *labels[i].bottom, text);
        groups.push_back(std::move(g));
    }
    return groups;
}

}  // namespace strata::layout
