#include "layout/layered/branching_layout.hpp"

#include <utility>

#include "layout/layered/caption_bands.hpp"
#include "layout/layered/caption_sides.hpp"
#include "layout/layered/group_edges.hpp"
#include "layout/layered/horizontal_placement.hpp"
#include "layout/layered/repeat_labels.hpp"

namespace strata::layout {

BranchingLayout place_branching(GraphBoxes graph, std::vector<DrawnBox>& boxes, LayerGroups& groups,
                                BoxFrame frame, const Options& options, const Model& model,
                                TextMeasurer& text, double width_limit) {
    BranchingLayout placed;
    placed.graph = std::move(graph);
    const GraphBoxes& g = placed.graph;
    if (!options.compat_visualkeras) {
        keep_alternate_captions_off_skip_legs(g, boxes, model, options);
        move_captions_off_lane_legs(g, boxes);
    }
    // Captions are spread apart in the band they will share: the whole spine's first, then
    // each row's, which moves a row's captions together.
    if (!options.compat_visualkeras) share_caption_bands_by_row(boxes, g.spine_boxes);
    place_left_to_right(g, boxes, frame, options);
    placed.units = repeat_units(g, boxes);
    if (!options.compat_visualkeras) {
        make_room_for_repeat_labels(g, placed.units, boxes, frame, options, text);
        make_room_at_group_edges(g, placed.units, boxes, frame, model, options, text);
    }
    placed.rows = wrap_rows(g, placed.units, boxes, frame, options, text, width_limit);
    if (!options.compat_visualkeras) {
        share_caption_bands_by_row(boxes, g.spine_boxes);
        lift_captions_over_ghosts(g, placed.units, boxes);
    }
    placed.levels =
        place_rows_vertically(g, placed.units, boxes, placed.rows, frame, options, text);
    if (options.stages)
        placed.stages = find_stages(model, boxes, g.spine_boxes, placed.rows, options, text);
    if (placed.rows.size() > 1) make_room_for_groups(groups, boxes, placed.rows);
    stack_rows(placed.rows, boxes);
    return placed;
}

}  // namespace strata::layout
