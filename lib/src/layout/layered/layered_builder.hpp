#pragma once

// The builder of one layered figure at one box size. Some of its steps are plain functions:
// drawn_boxes() (the boxes and their sizes), measure_caption() (each box's caption),
// caption_block() and figure_bounds() (where captions go, how far the figure reaches). The
// rest is shared by the files that implement it: layered_builder.cpp (the classic chain,
// putting the parts together), graph_rows.cpp (placing a branching model in rows),
// graph_stages.cpp (--stages), graph_ports.cpp (where connectors touch boxes),
// graph_overlays.cpp (connectors, ×N ghosts and brackets), graph_emission.cpp (the branching
// model into the scene) and groups_legend_pictures.cpp (layer groups, legend, pictures).

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "layout/decorations/caption_spacing.hpp"
#include "layout/decorations/face_pictures.hpp"
#include "layout/decorations/layer_groups.hpp"
#include "layout/decorations/text_budget.hpp"
#include "layout/graph/arrangement.hpp"
#include "layout/layered/box_faces.hpp"
#include "layout/layered/box_size.hpp"
#include "layout/layered/drawn_box.hpp"
#include "layout/layered/drawn_boxes.hpp"
#include "layout/layered/figure_bounds.hpp"
#include "layout/layered/ids.hpp"
#include "strata/color.hpp"
#include "strata/diagnostics.hpp"
#include "strata/layout_context.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"
#include "style/layer_style.hpp"
#include "style/length.hpp"

namespace strata::layout {

// Gaps of the branching layout used by several of its parts, px.
constexpr std::size_t kDepthReach = 12;  // boxes on each side whose depth may reach over a box
constexpr double kRowGap = 30;           // between wrapped rows; the carriage return runs in it
constexpr double kGhostStep = 4;         // offset of each ghost outline behind a repeated block
constexpr double kBracketDrop = 8;       // from the lowest thing in the row to a ×N bracket
constexpr double kBracketTick = 4;
const Rgba kCopyColor{46, 117, 182, 255};  // copy (concatenation) connectors

// One row of a wrapped figure: its items, its centre line and how far it reaches above and
// below it (layout coordinates).
struct RowBand {
    std::size_t first_item = 0, last_item = 0;
    double y = 0, top = 0, bottom = 0;
    double width = 0;  // of its items
};

class LayeredBuilder {
  public:
    LayeredBuilder(const Model& model, const Options& options, const LayoutContext& context,
                   Warnings& warnings, double size_factor = 1, double width_limit = 0);

    double narrowest_row_share() const;
    Scene build();

  private:
    double reversed() const { return o_.draw_reversed ? 1.0 : 0.0; }

    // ---- Boxes, captions, extents and the classic chain (layered_builder.cpp) ----

    void measure_captions();
    void spread_captions(std::size_t count);

    // Left edge of the front face in layout coordinates (before the final shift).
    double layout_x1(const DrawnBox& b) const { return b.left + x_offset_ + reversed() * b.de; }

    void compute_extents();
    BoxPlacement placement(const DrawnBox& b) const;
    const std::string& box_id(std::size_t i);
    Group box_group(std::size_t i);
    Polyline line(const char* name, Point from, Point to) const;
    Group funnel_group(std::size_t right, const char* suffix);
    Group normal_funnel(std::size_t bi);
    Group normal_funnel(std::size_t ai, std::size_t bi);
    Group reversed_back_funnel(std::size_t bi);
    Group reversed_front_funnel(std::size_t bi);
    void emit_boxes_and_funnels(Scene& scene);
    void emit_captions(Scene& scene);

    // ---- Branching and deep models (graph/): rows and units (graph_rows.cpp) ----

    double glyph_radius() const;

    static bool is_glyph(const DrawnBox& b) {
        return b.merge == graph::MergeKind::add || b.merge == graph::MergeKind::multiply;
    }

    void prepare_graph();

    DrawnBox& box_of(std::size_t node) {
        return boxes_[static_cast<std::size_t>(box_of_node_[node])];
    }
    const DrawnBox& box_of(std::size_t node) const {
        return boxes_[static_cast<std::size_t>(box_of_node_[node])];
    }
    bool visible(std::size_t node) const { return box_of_node_[node] >= 0; }

    double right_reach(const DrawnBox& b) const { return (1 - reversed()) * b.de; }

    double branch_start(std::size_t bi) const;

    const std::vector<std::size_t>& visible_nodes(std::size_t bi) const {
        return branch_nodes_[bi];
    }

    double lay_branch(std::size_t bi, double start);
    bool forks_lane(std::size_t node) const;
    void place_graph();
    std::pair<double, double> footprint_x(const DrawnBox& b) const;
    std::size_t item_of_box(const DrawnBox& b, const std::vector<long>& item_at) const;
    void wrap_rows();

    // Layout-coordinate geometry of a box once b.cy is set.
    BoxPlacement layout_box(const DrawnBox& b) const {
        const double x1 = layout_x1(b), h = b.size.y + b.de;
        return {x1, b.cy - h / 2 + b.de, x1 + b.size.z, b.cy + h / 2, b.de, o_.draw_reversed};
    }

    double caption_above_height(const DrawnBox& b) const;
    double caption_below_height(const DrawnBox& b) const;
    void find_units();
    double top_offset(std::size_t i) const;
    double run_offset(std::size_t from, std::size_t to, int level) const;
    std::size_t spine_index(std::size_t node) const;
    void place_rows_vertically();
    void make_room_for_groups();
    std::string repeat_label(std::size_t k) const;
    std::pair<double, double> repeat_extent(std::size_t k) const;

    // ---- Stages (--stages): runs of spine layers with one spatial size (graph_stages.cpp) ----

    struct Stage {
        std::size_t first = 0, last = 0;  // spine boxes
        std::string label;
        double y = 0;  // bracket line, relative to the row's centre line
    };

    void find_stages();
    void add_stage_brackets();

    // The font of ×N labels, stage labels and the legend of the connections.
    FontSpec annotation_font() const {
        return FontSpec{o_.font, std::max(o_.font_size, points_to_px(o_.min_font_size))};
    }
    double annotation_line_height() {
        const TextMetrics m = text_.measure("Ag", annotation_font());
        return m.ascent + m.descent + 2;
    }
    // The bracket under a ×N unit or a stage: a line at y from lo to hi, ticks up at its ends.
    Polyline bracket_line(double lo, double hi, double y) const {
        return Polyline{"bracket",
                        {{lo, y - kBracketTick}, {lo, y}, {hi, y}, {hi, y - kBracketTick}},
                        o_.font_color,
                        1};
    }

    // ---- Where connectors meet the boxes (graph_ports.cpp) ----

    bool column_clear(std::size_t i, double x, double y_a, double y_b) const;
    template <typename At>
    std::optional<Point> clear_port(std::size_t i, double lo, double hi, double fraction,
                                    double far_y, At at) const;
    Point top_port(std::size_t i, double fraction, double far_y) const;
    std::vector<Point> top_leg(std::size_t i, double fraction, double far_y, bool leaving) const;
    Point return_descent(std::size_t r) const;
    std::vector<Point> bottom_leg(std::size_t i, double fraction, double far_y) const;
    Point exit_port(std::size_t i) const;
    Point entry_port(std::size_t i) const;

    // ---- Connectors, ×N ghosts and brackets over the boxes (graph_overlays.cpp) ----

    Group connector_group(const std::string& id, std::string label, std::vector<Point> path,
                          Rgba color, Point tip, double dx, double dy);
    const std::string& name_of(std::size_t node) const;

    std::size_t index_of(std::size_t node) const {
        return static_cast<std::size_t>(box_of_node_[node]);
    }

    void build_overlays();
    Rect bounds_of(const Primitive& prim);

    // ---- The branching model into the scene (graph_emission.cpp) ----

    Group link_group(std::size_t ai, std::size_t bi);
    void emit_graph(Scene& scene);
    Group glyph_group(std::size_t i);
    void add_concat_splits(Group& g, const DrawnBox& b);
    void append_connection_legend(Scene& scene);

    // ---- Legend, layer groups, logos and face images (groups_legend_pictures.cpp) ----

    std::vector<std::string> drawn_names() const;
    std::vector<BoxPlacement> layout_placements() const;
    std::vector<BoxPlacement> placements() const;
    std::vector<std::optional<Rect>> mark_offsets();
    void extend_by_groups(double& min_x, double& max_x);
    void emit_group_rectangles(Scene& scene);
    void emit_legend_and_group_titles(Scene& scene);
    void append_pictures(Scene& scene, std::size_t i);

    std::vector<Stage> stages_;
    std::vector<std::vector<std::size_t>> unit_boxes_;    // per repeat
    std::vector<long> unit_of_box_;                       // per box, -1 outside any unit
    std::vector<std::vector<std::size_t>> branch_nodes_;  // visible nodes of each branch
    std::vector<int> lane_;
    std::vector<double> skip_offset_, bus_offset_, bracket_offset_;
    const Model& model_;
    const Options& o_;
    TextMeasurer& text_;
    TextBudget text_budget_;  // all the text of the figure
    Warnings& warnings_;
    std::vector<DrawnBox> boxes_;
    std::vector<std::string> box_ids_;
    IdMaker ids_;
    std::optional<LayerGroups> groups_;
    FacePictures pictures_;
    double size_factor_ = 1;  // boxes shrunk to fit `width`
    double width_limit_ = 0;  // px, 0 for none
    std::optional<graph::Arrangement> graph_;
    std::vector<long> box_of_node_;  // graph node → index in boxes_, -1 when hidden
    std::size_t spine_boxes_ = 0;    // boxes_[0, spine_boxes_) are the spine, in order
    std::vector<RowBand> rows_;
    std::vector<Group> ghosts_, overlays_;  // layout coordinates, moved when emitted
    std::vector<Rect> extra_bounds_;        // layout coordinates
    double x_offset_ = 0, shift_ = 0, margin_y_ = 0;
    double top_ = 0, bottom_ = 0, width_ = 0, height_ = 0;
};

}  // namespace strata::layout
