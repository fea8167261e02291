#include "layout/layered/figure_emission.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "layout/layered/branch_positions.hpp"
#include "layout/layered/connector_shapes.hpp"

namespace strata::layout {
namespace {

void append_pictures(Scene& scene, const CanvasBoxes& canvas, std::size_t i, FacePictures& pictures,
                     IdMaker& ids) {
    const DrawnBox& b = canvas.boxes[i];
    pictures.append_after_box(scene, canvas.model.layers[b.layer], canvas.box_ids[i], b.style,
                              canvas.placement(i), ids);
}

// The box drawn before box i in its row (spine) or lane (branch), when a funnel joins them.
std::optional<std::size_t> previous_in_line(const CanvasBoxes& canvas,
                                            const BranchPositions& in_branch,
                                            const BranchingLayout& placed, std::size_t i) {
    const std::vector<DrawnBox>& boxes = canvas.boxes;
    const DrawnBox& b = boxes[i];
    if (b.on_spine) {
        if (boxes[i - 1].row == b.row) return i - 1;
        return std::nullopt;
    }
    const GraphBoxes& graph = placed.graph;
    const std::optional<std::size_t> before =
        in_branch.before(static_cast<std::size_t>(b.branch), b.node);
    const std::vector<std::size_t>& preds = graph.arrangement.dag.preds[b.node];
    if (before && std::binary_search(preds.begin(), preds.end(), *before))
        return graph.index_of(*before);
    return std::nullopt;
}

}  // namespace

void emit_chain(Scene& scene, const CanvasBoxes& canvas, FacePictures& pictures, IdMaker& ids) {
    const Options& o = canvas.options;
    const std::size_t n = canvas.boxes.size();
    if (!o.draw_reversed) {
        for (std::size_t i = 0; i < n; ++i) {
            if (o.draw_funnel && i > 0) scene.groups.push_back(funnel_group(canvas, i - 1, i, ids));
            scene.groups.push_back(box_group(canvas, i));
            append_pictures(scene, canvas, i, pictures, ids);
        }
        return;
    }
    if (o.draw_funnel) {
        for (std::size_t i = 1; i < n; ++i)
            scene.groups.push_back(reversed_back_funnel(canvas, i, ids));
    }
    for (std::size_t i = n; i-- > 0;) {
        if (o.draw_funnel && i + 1 < n)
            scene.groups.push_back(reversed_front_funnel(canvas, i + 1, ids));
        scene.groups.push_back(box_group(canvas, i));
        append_pictures(scene, canvas, i, pictures, ids);
    }
}

void emit_branching(Scene& scene, const CanvasBoxes& canvas, const BranchingLayout& placed,
                    std::vector<Group> ghosts, std::vector<Group> overlays, FacePictures& pictures,
                    IdMaker& ids) {
    const double dx = canvas.shift.x, dy = canvas.shift.y;
    const BranchPositions in_branch(placed.graph);
    for (Group& g : ghosts) {
        for (Primitive& p : g.items) translate(p, dx, dy);
        scene.groups.push_back(std::move(g));
    }
    for (std::size_t i = 0; i < canvas.boxes.size(); ++i) {
        const DrawnBox& b = canvas.boxes[i];
        if (i > 0 && canvas.options.draw_funnel) {
            if (const std::optional<std::size_t> prev =
                    previous_in_line(canvas, in_branch, placed, i)) {
                const bool glyph = is_glyph(canvas.boxes[*prev]) || is_glyph(b);
                scene.groups.push_back(glyph ? link_group(canvas, *prev, i, ids)
                                             : funnel_group(canvas, *prev, i, ids));
            }
        }
        if (is_glyph(b)) {
            scene.groups.push_back(glyph_group(canvas, i));
        } else {
            scene.groups.push_back(box_group(canvas, i));
            if (b.merge == graph::MergeKind::concat)
                add_concat_splits(scene.groups.back(), canvas, i);
        }
        append_pictures(scene, canvas, i, pictures, ids);
    }
    for (Group& g : overlays) {
        for (Primitive& p : g.items) translate(p, dx, dy);
        scene.groups.push_back(std::move(g));
    }
}

}  // namespace strata::layout
