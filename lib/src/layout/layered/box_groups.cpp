#include "layout/layered/box_groups.hpp"

#include <algorithm>

#include "layout/decorations/captions.hpp"
#include "layout/detail/model_at_level.hpp"
#include "layout/layered/channels_last.hpp"
#include "layout/layered/connector_ports.hpp"
#include "layout/layered/connector_shapes.hpp"

namespace strata::layout {
namespace {

Polyline line(const Options& options, const char* name, Point from, Point to) {
    return Polyline{name, {from, to}, options.connector_fill, options.connector_width};
}

Group joint_group(const CanvasBoxes& canvas, std::size_t right, const char* suffix, IdMaker& ids) {
    Group g;
    const Layer& layer = canvas.model.layers[canvas.boxes[right].layer];
    g.id = ids.make(canvas.box_ids[right] + suffix);
    g.label = "funnel into " + layer.name;
    g.role = Role::funnel;
    return g;
}

}  // namespace

Group box_group(const CanvasBoxes& canvas, std::size_t i) {
    const DrawnBox& b = canvas.boxes[i];
    const Layer& layer = canvas.model.layers[b.layer];
    BoxPlacement p = canvas.placement(i);
    Group g;
    g.id = canvas.box_ids[i];
    g.label = layer.name;
    g.role = Role::layer;
    g.type = layer.type;
    g.shape = shape_text(layer);
    g.box = BoxGeometry{p.x1, p.y1, p.x2, p.y2, p.de};
    g.fill = b.fill;
    g.outline = b.outline;
    g.items = box_primitives(p, b.fill, b.outline, b.style.shade_step);
    if (layer.type == detail::kBlockType) g.items.push_back(block_inset(p, b.outline));
    return g;
}

Group glyph_group(const CanvasBoxes& canvas, std::size_t i) {
    Group g = box_group(canvas, i);
    const BoxPlacement p = canvas.placement(i);
    const DrawnBox& b = canvas.boxes[i];
    g.role = Role::merge;
    g.items = merge_glyph({(p.x1 + p.x2) / 2, (p.y1 + p.y2) / 2}, (p.x2 - p.x1) / 2,
                          b.merge == graph::MergeKind::multiply, Rgba{255, 255, 255, 255},
                          b.outline, std::max(canvas.options.connector_width, 1.0));
    return g;
}

void add_concat_splits(Group& g, const CanvasBoxes& canvas, std::size_t i) {
    const DrawnBox& b = canvas.boxes[i];
    std::vector<double> channels;
    for (const TensorRef& in : canvas.model.layers[b.layer].inputs) {
        const Layer& from = canvas.model.layers[in.layer];
        if (!from.shape_known || in.output >= from.shapes.size() || from.shapes[in.output].empty())
            return;
        const Dim c = channels_last(from, from.shapes[in.output]).back();
        if (c <= 0) return;
        channels.push_back(static_cast<double>(c));
    }
    double total = 0;
    for (double c : channels) total += c;
    if (channels.size() < 2 || total <= 0) return;
    const BoxPlacement p = canvas.placement(i);
    double sum = 0;
    for (std::size_t k = 0; k + 1 < channels.size(); ++k) {
        sum += channels[k];
        const double y = p.y1 + (p.y2 - p.y1) * sum / total;
        g.items.push_back(Polyline{"split", {{p.x1, y}, {p.x2, y}}, b.outline, 1});
    }
}

Group funnel_group(const CanvasBoxes& canvas, std::size_t ai, std::size_t bi, IdMaker& ids) {
    const Options& o = canvas.options;
    BoxPlacement a = canvas.placement(ai), b = canvas.placement(bi);
    Group g = joint_group(canvas, bi, "-funnel", ids);
    g.items.push_back(line(o, "back-top", {a.x2 + a.de, a.y1 - a.de}, {b.x1 + b.de, b.y1 - b.de}));
    g.items.push_back(
        line(o, "back-bottom", {a.x2 + a.de, a.y2 - a.de}, {b.x1 + b.de, b.y2 - b.de}));
    g.items.push_back(line(o, "front-bottom", {a.x2, a.y2}, {b.x1, b.y2}));
    g.items.push_back(line(o, "front-top", {a.x2, a.y1}, {b.x1, b.y1}));
    return g;
}

Group reversed_back_funnel(const CanvasBoxes& canvas, std::size_t bi, IdMaker& ids) {
    const Options& o = canvas.options;
    BoxPlacement a = canvas.placement(bi - 1), b = canvas.placement(bi);
    Group g = joint_group(canvas, bi, "-funnel-back", ids);
    g.items.push_back(line(o, "back-top", {a.x2 - a.de, a.y1 - a.de}, {b.x1 - b.de, b.y1 - b.de}));
    g.items.push_back(
        line(o, "back-bottom", {a.x2 - a.de, a.y2 - a.de}, {b.x1 - b.de, b.y2 - b.de}));
    return g;
}

Group reversed_front_funnel(const CanvasBoxes& canvas, std::size_t bi, IdMaker& ids) {
    const Options& o = canvas.options;
    BoxPlacement a = canvas.placement(bi - 1), b = canvas.placement(bi);
    Group g = joint_group(canvas, bi, "-funnel-front", ids);
    g.items.push_back(line(o, "front-top", {b.x1, b.y1}, {a.x2, a.y1}));
    g.items.push_back(line(o, "front-bottom", {b.x1, b.y2}, {a.x2, a.y2}));
    return g;
}

Group link_group(const CanvasBoxes& canvas, std::size_t ai, std::size_t bi, IdMaker& ids) {
    Group g = joint_group(canvas, bi, "-link", ids);
    const Point p = exit_port(canvas.boxes[ai], canvas.frame);
    const BoxPlacement q = canvas.placement(bi);
    const double dx = canvas.shift.x, dy = canvas.shift.y;
    double y = p.y + dy;
    if (!is_glyph(canvas.boxes[bi])) y = std::clamp(y, q.y1, q.y2);
    g.items.push_back(line(canvas.options, "link", {p.x + dx, p.y + dy}, {q.x1, y}));
    return g;
}

}  // namespace strata::layout
