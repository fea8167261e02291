#pragma once

// The boxes of a branching or deep model in the order its arrangement (graph/) draws them: the
// spine first, then each branch; merges drawn as glyphs or slabs, folded repeats hidden.

#include <cstddef>
#include <optional>
#include <vector>

#include "layout/graph/arrangement.hpp"
#include "layout/layered/drawn_box.hpp"
#include "layout/layered/drawn_boxes.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"

namespace strata::layout {

struct GraphBoxes {
    graph::Arrangement arrangement;
    std::vector<long> box_of_node;  // graph node → index in the boxes, -1 when hidden
    std::size_t spine_boxes = 0;    // boxes [0, spine_boxes) are the spine, in order
    std::vector<std::vector<std::size_t>> branch_nodes;  // visible nodes of each branch

    bool visible(std::size_t node) const { return box_of_node[node] >= 0; }
    std::size_t index_of(std::size_t node) const {
        return static_cast<std::size_t>(box_of_node[node]);
    }
    // Spine position of a spine node.
    std::size_t spine_index(std::size_t node) const {
        return static_cast<std::size_t>(arrangement.spine_pos[node]);
    }
};

// The radius of a merge glyph for boxes drawn `size_factor` times their size.
double glyph_radius(double size_factor);

// Arranges the model's DAG over `boxes` (the drawn boxes in model order) and reorders them as
// the arrangement draws them. nullopt, with `boxes` untouched, when the model is a plain chain
// drawn in one row without stages: the classic chain draws it.
std::optional<GraphBoxes> arrange_boxes(const Model& model, const Options& options, BoxScale scale,
                                        std::vector<DrawnBox>& boxes);

}  // namespace strata::layout
