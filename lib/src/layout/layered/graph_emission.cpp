// A branching model into the scene: boxes, merge glyphs, concatenation splits, the links
// and funnels between them, the overlays, and the legend of the connection kinds.

#include "layout/layered/layered_builder.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "layout/layered/channels_last.hpp"
#include "layout/layered/connector_shapes.hpp"

namespace strata::layout {

// A straight link into or out of a merge glyph, in place of a funnel.
Group LayeredBuilder::link_group(std::size_t ai, std::size_t bi) {
    Group g = funnel_group(bi, "-link");
    const Point p = exit_port(ai);
    const BoxPlacement q = placement(boxes_[bi]);
    const double dx = shift_, dy = margin_y_ + top_;
    double y = p.y + dy;
    if (!is_glyph(boxes_[bi])) y = std::clamp(y, q.y1, q.y2);
    g.items.push_back(line("link", {p.x + dx, p.y + dy}, {q.x1, y}));
    return g;
}

void LayeredBuilder::emit_graph(Scene& scene) {
    const double dx = shift_, dy = margin_y_ + top_;
    for (Group& g : ghosts_) {
        for (Primitive& p : g.items) translate(p, dx, dy);
        scene.groups.push_back(std::move(g));
    }
    for (std::size_t i = 0; i < boxes_.size(); ++i) {
        const DrawnBox& b = boxes_[i];
        if (i > 0 && o_.draw_funnel) {
            std::optional<std::size_t> prev;
            if (b.on_spine && boxes_[i - 1].row == b.row) prev = i - 1;
            if (!b.on_spine) {
                const std::vector<std::size_t> nodes =
                    visible_nodes(static_cast<std::size_t>(b.branch));
                for (std::size_t k = 1; k < nodes.size(); ++k) {
                    if (nodes[k] == b.node &&
                        std::binary_search(graph_->dag.preds[b.node].begin(),
                                           graph_->dag.preds[b.node].end(), nodes[k - 1]))
                        prev = index_of(nodes[k - 1]);
                }
            }
            if (prev) {
                const bool glyph = is_glyph(boxes_[*prev]) || is_glyph(b);
                scene.groups.push_back(glyph ? link_group(*prev, i) : normal_funnel(*prev, i));
            }
        }
        if (is_glyph(b)) {
            scene.groups.push_back(glyph_group(i));
        } else {
            scene.groups.push_back(box_group(i));
            if (b.merge == graph::MergeKind::concat) add_concat_splits(scene.groups.back(), b);
        }
        append_pictures(scene, i);
    }
    for (Group& g : overlays_) {
        for (Primitive& p : g.items) translate(p, dx, dy);
        scene.groups.push_back(std::move(g));
    }
}

Group LayeredBuilder::glyph_group(std::size_t i) {
    Group g = box_group(i);
    const BoxPlacement p = placement(boxes_[i]);
    g.role = Role::merge;
    g.items = merge_glyph({(p.x1 + p.x2) / 2, (p.y1 + p.y2) / 2}, (p.x2 - p.x1) / 2,
                          boxes_[i].merge == graph::MergeKind::multiply, Rgba{255, 255, 255, 255},
                          boxes_[i].outline, std::max(o_.connector_width, 1.0));
    return g;
}

// The front face of a concatenation slab split by its inputs' channel counts.
void LayeredBuilder::add_concat_splits(Group& g, const DrawnBox& b) {
    std::vector<double> channels;
    for (const TensorRef& in : model_.layers[b.layer].inputs) {
        const Layer& from = model_.layers[in.layer];
        if (!from.shape_known || in.output >= from.shapes.size() || from.shapes[in.output].empty())
            return;
        const Dim c = channels_last(from, from.shapes[in.output]).back();
        if (c <= 0) return;
        channels.push_back(static_cast<double>(c));
    }
    double total = 0;
    for (double c : channels) total += c;
    if (channels.size() < 2 || total <= 0) return;
    const BoxPlacement p = placement(b);
    double sum = 0;
    for (std::size_t k = 0; k + 1 < channels.size(); ++k) {
        sum += channels[k];
        const double y = p.y1 + (p.y2 - p.y1) * sum / total;
        g.items.push_back(Polyline{"split", {{p.x1, y}, {p.x2, y}}, b.outline, 1});
    }
}

// The connector kinds the picture holds, as legend entries.
std::vector<LegendEntry> LayeredBuilder::connection_legend_entries() const {
    std::vector<LegendEntry> entries;
    if (!o_.legend || !graph_) return entries;
    bool residual = false, copy = false;
    for (const graph::Skip& s : graph_->skips) (s.copy ? copy : residual) = true;
    for (const graph::Bus& b : graph_->buses) (b.copy ? copy : residual) = true;
    std::optional<Rgba> sum, product;  // outline colours of the glyphs drawn
    for (const DrawnBox& b : boxes_) {
        if (b.merge == graph::MergeKind::add && !sum) sum = b.outline;
        if (b.merge == graph::MergeKind::multiply && !product) product = b.outline;
    }
    const auto entry = [&](const char* id, const char* label, Rgba color, Swatch swatch) {
        entries.push_back({id, label, "", color, color, swatch});
    };
    if (residual) entry("legend-residual", "residual (sum)", o_.connector_fill, Swatch::line);
    if (copy) entry("legend-copy", "copy (concatenation)", kCopyColor, Swatch::line);
    if (sum) entry("legend-sum", "sum (Add)", *sum, Swatch::sum);
    if (product) entry("legend-product", "product (Multiply)", *product, Swatch::product);
    return entries;
}

}  // namespace strata::layout
