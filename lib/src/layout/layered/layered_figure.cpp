#include "layout/layered/layered_figure.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "layout/decorations/connection_legend.hpp"
#include "layout/decorations/face_pictures.hpp"
#include "layout/decorations/group_emission.hpp"
#include "layout/decorations/group_marks.hpp"
#include "layout/decorations/layer_groups.hpp"
#include "layout/decorations/legend.hpp"
#include "layout/decorations/placed_font_errors.hpp"
#include "layout/decorations/text_budget.hpp"
#include "layout/layered/box_captions.hpp"
#include "layout/layered/box_frame.hpp"
#include "layout/layered/box_groups.hpp"
#include "layout/layered/branching_layout.hpp"
#include "layout/layered/canvas_fit.hpp"
#include "layout/layered/caption_bands.hpp"
#include "layout/layered/caption_groups.hpp"
#include "layout/layered/connectors.hpp"
#include "layout/layered/drawn_layers.hpp"
#include "layout/layered/figure_emission.hpp"
#include "layout/layered/graph_boxes.hpp"
#include "layout/layered/horizontal_placement.hpp"
#include "layout/layered/ids.hpp"
#include "layout/layered/overlay_bounds.hpp"
#include "layout/layered/repeat_marks.hpp"
#include "layout/layered/stages.hpp"
#include "strata/error.hpp"

namespace strata::layout {
namespace {

void append_groups(std::vector<Group>& to, std::vector<Group> groups) {
    to.insert(to.end(), std::make_move_iterator(groups.begin()),
              std::make_move_iterator(groups.end()));
}

}  // namespace

LayeredFigure layered_figure(const Model& model, const Options& options,
                             const LayoutContext& context, Warnings& warnings, BoxScale scale) {
    // A font an option file named fails at its place there, not under its option's name alone.
    PlacedFontErrors text(context.text, options.font_places);
    const bool compat = options.compat_visualkeras;
    FacePictures pictures(options, context.images, warnings);
    std::vector<DrawnBox> boxes = drawn_boxes(model, options, scale, pictures);
    if (boxes.empty()) {
        throw Error("", "no layer left to draw (all were ignored by type_ignore or index_ignore)");
    }
    // Reversed drawing (depth to the left) keeps the classic chain: lanes, ports and
    // funnels of the branching layout assume the depth goes right.
    std::optional<GraphBoxes> graph;
    if (!compat && !options.draw_reversed) graph = arrange_boxes(model, options, scale, boxes);
    // A legend right of the picture takes its width from the rows' (never all of it: a row
    // still wraps at a width).
    if (legend_beside(options) && scale.width_limit > 0) {
        const double beside = legend_beside_width(
            legend_layers(boxes, model),
            graph ? connection_legend_entries(graph->arrangement, boxes, options)
                  : std::vector<LegendEntry>{},
            options, text);
        scale.width_limit = std::max(1.0, scale.width_limit - beside);
    }
    TextBudget text_budget;  // all the text of the figure
    measure_captions(boxes, model, options, text, text_budget, scale.width_limit);
    LayerGroups groups(options, drawn_names(boxes, model), model, text, warnings);
    const BoxFrame frame = box_frame(boxes, options.draw_reversed);
    IdMaker ids;
    const std::vector<std::string> ids_of_boxes = box_ids(boxes, model, ids);

    // Placement, in layout coordinates.
    std::optional<BranchingLayout> placed;
    std::vector<Group> ghosts, overlays;
    std::vector<Rect> overlay_extent;
    if (graph) {
        placed = place_branching(std::move(*graph), boxes, groups, frame, options, model, text,
                                 scale.width_limit);
        overlays = connector_groups(*placed, boxes, ids_of_boxes, frame, model, options, ids);
        RepeatMarks marks = repeat_marks(*placed, boxes, ids_of_boxes, frame, options, text, ids);
        ghosts = std::move(marks.ghosts);
        append_groups(overlays, std::move(marks.brackets));
        append_groups(overlays, stage_brackets(placed->stages, boxes, placed->rows, ids_of_boxes,
                                               frame, options, text, ids));
        append_bounds(overlays, text, options, overlay_extent);
        append_bounds(ghosts, text, options, overlay_extent);
    } else if (!compat) {
        std::vector<std::size_t> line(boxes.size());
        for (std::size_t i = 0; i < line.size(); ++i) line[i] = i;
        share_caption_band(boxes, line);
        spread_captions(boxes, boxes.size(), frame, options);
    }
    if (!compat) {
        groups.enclose_marks(group_marks(boxes, placed ? &*placed : nullptr, frame, options, text));
        std::vector<std::optional<Rect>> reaches =
            lane_reaches(boxes, placed ? &*placed : nullptr, frame);
        // A group's title hangs under its frame, where the stages' brackets are too.
        if (placed)
            add_stage_reaches(placed->stages, boxes, placed->rows, frame, options, text, reaches);
        groups.keep_titles_clear_of(std::move(reaches));
    }
    const CanvasFit fit = canvas_fit(boxes, frame, overlay_extent, groups, options);

    // Emission, in paint order.
    Scene scene;
    scene.title = model.name;
    scene.width = fit.width;
    scene.height = fit.height;
    scene.background = options.background_fill;
    const CanvasBoxes canvas{model, options, boxes, ids_of_boxes, frame, fit.shift};
    if (placed) {
        emit_branching(scene, canvas, *placed, std::move(ghosts), std::move(overlays), pictures,
                       ids);
    } else {
        emit_chain(scene, canvas, pictures, ids);
    }
    const std::vector<BoxPlacement> placements = canvas_boxes(boxes, frame, fit.shift);
    prepend_group_rectangles(scene, groups, placements, ids);
    emit_captions(scene, canvas, text, ids);
    // The legend holds the connection kinds of a branching model too; group titles are
    // painted after it (§3.7).
    const std::vector<LegendEntry> connections =
        placed ? connection_legend_entries(placed->graph.arrangement, boxes, options)
               : std::vector<LegendEntry>{};
    append_legend(scene, legend_layers(boxes, model), connections, options, scale.width_limit, text,
                  ids);
    append_group_titles(scene, groups, placements, ids);
    pictures.append_logos_legend(scene, text, ids);
    // Captions were charged as their templates were filled; the rest of the text (legend,
    // group titles, labels) comes one line per entry of the model or the options.
    for (const Group& g : scene.groups) {
        if (g.role != Role::caption) text_budget.charge(g);
    }
    return {std::move(scene), placed ? narrowest_row_share(placed->rows) : 1.0};
}

}  // namespace strata::layout
