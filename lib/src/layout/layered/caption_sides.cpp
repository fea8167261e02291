#include "layout/layered/caption_sides.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>

#include "layout/layered/annotation_marks.hpp"

namespace strata::layout {
namespace {

// Per spine box, whether a connector leg meets its top (skips and buses) or its bottom (lanes
// leaving it or joining it).
struct SpineLegs {
    std::vector<bool> top, bottom;
};

SpineLegs spine_legs(const GraphBoxes& graph) {
    const graph::Arrangement& a = graph.arrangement;
    SpineLegs legs{std::vector<bool>(graph.spine_boxes, false),
                   std::vector<bool>(graph.spine_boxes, false)};
    const auto mark = [&](std::vector<bool>& side, std::size_t node) {
        if (!graph.visible(node)) return;
        const std::size_t i = graph.index_of(node);
        if (i < side.size()) side[i] = true;
    };
    for (const graph::Skip& s : a.skips) {
        mark(legs.top, s.from);
        mark(legs.top, s.to);
    }
    for (const graph::Bus& bus : a.buses) {
        for (const std::size_t v : bus.sources) mark(legs.top, v);
        for (const std::size_t v : bus.targets) mark(legs.top, v);
    }
    for (const std::vector<std::size_t>& nodes : graph.branch_nodes) {
        for (const std::size_t v : nodes) {
            for (const std::size_t u : a.dag.preds[v]) mark(legs.bottom, u);
            for (const std::size_t w : a.dag.succs[v]) mark(legs.bottom, w);
        }
    }
    return legs;
}

}  // namespace

void keep_alternate_captions_off_skip_legs(const GraphBoxes& graph, std::vector<DrawnBox>& boxes,
                                           const Model& model, const Options& options) {
    if (options.caption_position != CaptionPosition::alternate) return;
    const SpineLegs legs = spine_legs(graph);
    const std::size_t count = std::min(graph.spine_boxes, boxes.size());
    std::vector<bool> moved(count, false);
    for (std::size_t i = 0; i < count; ++i) {
        DrawnBox& b = boxes[i];
        // A caption above is wider than its box as often as not: a leg at the previous or the
        // next box's top (where a skip leaves or arrives, the caption reaching over it) would
        // cross it too.
        const bool leg_near = legs.top[i] || (i > 0 && legs.top[i - 1]) ||
                              (i + 1 < legs.top.size() && legs.top[i + 1]);
        if (!b.caption || !b.caption->above || !leg_near || legs.bottom[i]) continue;
        const std::string& name = model.layers[b.layer].name;
        if (std::find(options.captions_above.begin(), options.captions_above.end(), name) !=
            options.captions_above.end())
            continue;
        b.caption->above = false;
        moved[i] = true;
    }
    // Below, it still has the room of two boxes: it stands under the captions of its
    // neighbours, half a font size clear of the tallest of them all, so that the captions
    // moved make one line (a U-Net's row, skips over every box).
    const auto stays_below = [&](std::size_t k) {
        return k < count && !moved[k] && boxes[k].caption && !boxes[k].caption->above;
    };
    double tallest = 0;
    for (std::size_t k = 0; k < count; ++k) {
        if (stays_below(k)) tallest = std::max(tallest, boxes[k].caption->height);
    }
    for (std::size_t i = 0; i < count; ++i) {
        if (moved[i] && (stays_below(i - 1) || stays_below(i + 1)))
            boxes[i].caption->lead += tallest + boxes[i].style.font.size / 2;
    }
}

void move_captions_off_lane_legs(const GraphBoxes& graph, std::vector<DrawnBox>& boxes) {
    const SpineLegs legs = spine_legs(graph);
    for (std::size_t i = 0; i < graph.spine_boxes && i < boxes.size(); ++i) {
        DrawnBox& b = boxes[i];
        b.legs_below = legs.bottom[i];
        if (!b.caption || b.caption->above || !legs.bottom[i]) continue;
        if (!legs.top[i]) {
            b.caption->above = true;
            b.caption->near_band = true;
        } else {
            // Legs on both sides: the caption stays below, right of the box's front face, where
            // no leg drops (they leave its bottom edge), half a font size clear of it.
            b.caption->nudge = (b.size.z + b.caption->width + b.style.font.size) / 2;
        }
    }
}

void lift_captions_over_ghosts(const GraphBoxes& graph, const RepeatUnits& units,
                               std::vector<DrawnBox>& boxes) {
    std::vector<bool> row_has_ghosts;
    for (std::size_t i = 0; i < graph.spine_boxes && i < units.unit_of_box.size(); ++i) {
        if (boxes[i].row >= row_has_ghosts.size()) row_has_ghosts.resize(boxes[i].row + 1, false);
        if (units.unit_of_box[i] >= 0 && !is_glyph(boxes[i])) row_has_ghosts[boxes[i].row] = true;
    }
    for (std::size_t i = 0; i < graph.spine_boxes && i < boxes.size(); ++i) {
        std::optional<Caption>& caption = boxes[i].caption;
        if (caption && caption->above && boxes[i].row < row_has_ghosts.size() &&
            row_has_ghosts[boxes[i].row])
            caption->lead += 2 * kGhostStep;
    }
}

}  // namespace strata::layout
