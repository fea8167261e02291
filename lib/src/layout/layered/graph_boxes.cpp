#include "layout/layered/graph_boxes.hpp"

#include <algorithm>
#include <utility>

#include "layout/layered/box_frame.hpp"

namespace strata::layout {

double glyph_radius(double size_factor) {
    return std::max(4.0, 8 * size_factor);
}

std::optional<GraphBoxes> arrange_boxes(const Model& model, const Options& options, BoxScale scale,
                                        std::vector<DrawnBox>& boxes) {
    std::vector<std::size_t> drawn;
    drawn.reserve(boxes.size());
    for (const DrawnBox& b : boxes) drawn.push_back(b.layer);
    graph::Arrangement a =
        graph::arrange(model, drawn,
                       options.collapse == strata::Collapse::none ? graph::Collapse::none
                                                                  : graph::Collapse::exact);
    if (a.is_plain_chain() && scale.width_limit <= 0 && !options.stages) return std::nullopt;
    std::vector<DrawnBox> all = std::move(boxes);
    boxes.clear();
    GraphBoxes g;
    g.box_of_node.assign(all.size(), -1);
    auto take = [&](std::size_t v) {
        DrawnBox b = all[v];
        b.node = v;
        b.merge = a.merge[v];
        if (is_glyph(b)) {
            const double r = glyph_radius(scale.size_factor);
            b.size = BoxSize{0, 2 * r, 2 * r};
            b.de = 0;
        } else if (b.merge == graph::MergeKind::concat) {
            b.size.z = std::max(3.0, 8 * scale.size_factor);  // a slab: channels split in it
        }
        g.box_of_node[v] = static_cast<long>(boxes.size());
        boxes.push_back(std::move(b));
    };
    for (std::size_t v : a.spine) {
        if (!a.hidden[v]) take(v);
    }
    g.spine_boxes = boxes.size();
    for (std::size_t bi = 0; bi < a.branches.size(); ++bi) {
        for (std::size_t v : a.branches[bi].nodes) {
            if (a.hidden[v]) continue;
            take(v);
            boxes.back().on_spine = false;
            boxes.back().branch = static_cast<long>(bi);
        }
    }
    g.arrangement = std::move(a);
    const graph::Arrangement& arranged = g.arrangement;
    g.branch_nodes.assign(arranged.branches.size(), {});
    for (std::size_t bi = 0; bi < arranged.branches.size(); ++bi) {
        for (std::size_t v : arranged.branches[bi].nodes) {
            if (g.visible(v)) g.branch_nodes[bi].push_back(v);
        }
    }
    return g;
}

}  // namespace strata::layout
