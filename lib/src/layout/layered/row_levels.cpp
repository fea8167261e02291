#include "layout/layered/row_levels.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include "layout/graph/lanes.hpp"
#include "layout/layered/annotation_marks.hpp"
#include "layout/layered/caption_bands.hpp"

namespace strata::layout {
namespace {

// Gaps of the branching layout, px.
constexpr double kLevelGap = 12;  // between skip levels, and from the boxes to the first
constexpr double kLaneGap = 18;   // between the row and a lane, and between lanes

double caption_above_height(const DrawnBox& b) {
    return b.caption && b.caption->above ? b.caption->reach() : 0;
}

double caption_below_height(const DrawnBox& b) {
    return b.caption && !b.caption->above ? b.caption->reach() : 0;
}

// What the run heights of connectors over the spine depend on.
struct SpineReach {
    const GraphBoxes& graph;
    const RepeatUnits& units;
    const std::vector<DrawnBox>& boxes;
    BoxFrame frame;

    // How far above its row's centre line the highest thing over spine box i reaches (a
    // negative y offset): box, caption above, ghosts.
    double top_offset(std::size_t i) const {
        const DrawnBox& b = boxes[i];
        const double ghosts = units.unit_of_box[i] >= 0 ? 2 * kGhostStep : 0;
        return -(b.size.y + b.de) / 2 - caption_above_height(b) - ghosts;
    }

    // The run height of a connector over spine positions [from, to], relative to the centre
    // line. Boxes outside the span count too when their depth reaches over it.
    double run_offset(std::size_t from, std::size_t to, int level) const {
        const graph::Arrangement& a = graph.arrangement;
        double top = 0;
        for (std::size_t p = from; p <= to; ++p) {
            const std::size_t v = a.spine[p];
            if (graph.visible(v)) top = std::min(top, top_offset(graph.index_of(v)));
        }
        const std::size_t first = graph.index_of(a.spine[from]);
        const std::size_t last = graph.index_of(a.spine[to]);
        const double left = front_left(boxes[first], frame);
        const double right =
            front_left(boxes[last], frame) + boxes[last].size.z + right_reach(boxes[last], frame);
        for (std::size_t k = first; k-- > 0 && first - k <= kDepthReach;) {
            if (boxes[k].row != boxes[first].row) break;
            if (front_left(boxes[k], frame) + boxes[k].size.z + right_reach(boxes[k], frame) > left)
                top = std::min(top, top_offset(k));
        }
        for (std::size_t k = last + 1; k < graph.spine_boxes && k - last <= kDepthReach; ++k) {
            if (boxes[k].row != boxes[last].row) break;
            if (front_left(boxes[k], frame) - reversed_share(frame) * boxes[k].de < right)
                top = std::min(top, top_offset(k));
        }
        return top - kLevelGap * (level + 1);
    }
};

// The lane of each branch: per row, branches by the x range they take, narrowest first
// (nested inside). Also lists the branches of each row.
std::vector<int> branch_lanes(const GraphBoxes& graph, const std::vector<DrawnBox>& boxes,
                              std::vector<std::vector<std::size_t>>& branches_of_row,
                              BoxFrame frame, const Options& options) {
    const graph::Arrangement& a = graph.arrangement;
    std::vector<int> lane(a.branches.size(), 0);
    std::vector<std::pair<double, double>> extent(a.branches.size());
    for (std::size_t bi = 0; bi < a.branches.size(); ++bi) {
        const std::vector<std::size_t>& nodes = graph.branch_nodes[bi];
        if (nodes.empty()) continue;
        branches_of_row[boxes[graph.index_of(nodes.front())].row].push_back(bi);
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (std::size_t v : nodes) {
            const auto [l, r] = footprint_x(boxes[graph.index_of(v)], frame, options);
            lo = std::min(lo, l);
            hi = std::max(hi, r);
        }
        // A lane reaches from the middle of its fork to the middle of its join, so that
        // branches chained through one layer (Inception modules) share a lane.
        const graph::Branch& br = a.branches[bi];
        auto middle = [&](std::size_t pos) {
            const DrawnBox& b = boxes[graph.index_of(a.spine[pos])];
            return front_left(b, frame) + b.size.z / 2;
        };
        if (br.fork >= 0) lo = std::min(lo, middle(static_cast<std::size_t>(br.fork)));
        if (br.join < a.spine.size()) hi = std::max(hi, middle(br.join));
        extent[bi] = {lo, hi};
    }
    for (auto& list : branches_of_row) {
        std::vector<std::size_t> order = list;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
            return extent[x].second - extent[x].first < extent[y].second - extent[y].first;
        });
        std::vector<graph::Extent> ordered;
        ordered.reserve(order.size());
        for (std::size_t bi : order) ordered.push_back(extent[bi]);
        const std::vector<int> lanes = graph::first_fit_lanes(ordered);
        for (std::size_t i = 0; i < order.size(); ++i) lane[order[i]] = lanes[i];
    }
    return lane;
}

// Places the boxes of each row's lanes under it and grows the row's reach below to hold them.
void place_lanes(const GraphBoxes& graph, const std::vector<int>& lane,
                 const std::vector<std::vector<std::size_t>>& branches_of_row,
                 std::vector<DrawnBox>& boxes, std::vector<RowBand>& rows, bool compat) {
    for (std::size_t r = 0; r < rows.size(); ++r) {
        int lanes = 0;
        for (std::size_t bi : branches_of_row[r]) lanes = std::max(lanes, lane[bi]);
        // How far each lane reaches above and below its centre line: boxes and captions.
        std::vector<double> above(static_cast<std::size_t>(lanes) + 1, 0), below(above);
        // The captions of each lane in one band, as those of the row.
        std::vector<std::vector<std::size_t>> lane_boxes(above.size());
        for (std::size_t bi : branches_of_row[r]) {
            for (std::size_t v : graph.branch_nodes[bi])
                lane_boxes[static_cast<std::size_t>(lane[bi])].push_back(graph.index_of(v));
        }
        for (std::size_t l = 0; l < lane_boxes.size(); ++l) {
            if (!compat) share_caption_band(boxes, lane_boxes[l]);
            for (const std::size_t i : lane_boxes[l]) {
                const DrawnBox& b = boxes[i];
                above[l] = std::max(above[l], (b.size.y + b.de) / 2 + caption_above_height(b));
                below[l] = std::max(below[l], (b.size.y + b.de) / 2 + caption_below_height(b));
            }
        }
        std::vector<double> lane_top(above.size(), 0);
        double y = rows[r].bottom;
        for (std::size_t l = 1; l < above.size(); ++l) {
            lane_top[l] = y + kLaneGap;
            y = lane_top[l] + above[l] + below[l];
        }
        rows[r].bottom = y;
        for (std::size_t bi : branches_of_row[r]) {
            const auto l = static_cast<std::size_t>(lane[bi]);
            for (std::size_t v : graph.branch_nodes[bi]) {
                DrawnBox& b = boxes[graph.index_of(v)];
                b.cy = lane_top[l] + above[l];  // relative
            }
        }
    }
}

// The bracket line of each ×N unit under its row, all of a row's on one line, with their
// labels (`labels`) under it. `label_right`: where each row's labels end. Grows the rows' reach
// below to hold them.
std::vector<double> bracket_lines(const GraphBoxes& graph, const std::vector<DrawnBox>& boxes,
                                  const std::vector<RepeatLabel>& labels,
                                  std::vector<RowBand>& rows, const Options& options,
                                  TextMeasurer& text, std::vector<double>& label_right) {
    label_right.assign(rows.size(), -std::numeric_limits<double>::infinity());
    const graph::Arrangement& a = graph.arrangement;
    std::vector<double> bracket_y(a.repeats.size(), 0);
    std::vector<double> row_bottom_before(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) row_bottom_before[r] = rows[r].bottom;
    const double line_height = annotation_line_height(text, options);
    for (std::size_t k = 0; k < a.repeats.size(); ++k) {
        const std::size_t row = boxes[graph.index_of(a.spine[a.repeats[k].first])].row;
        const RepeatLabel& label = labels[k];
        bracket_y[k] = row_bottom_before[row] + kBracketDrop;
        const double extra = kBracketTick + 2 + line_height * (1 + static_cast<double>(label.line));
        rows[row].bottom = std::max(rows[row].bottom, bracket_y[k] + extra);
        label_right[row] = std::max(label_right[row], label.left + label.advance);
    }
    return bracket_y;
}

}  // namespace

RowLevels place_rows_vertically(const GraphBoxes& graph, const RepeatUnits& units,
                                std::vector<DrawnBox>& boxes, std::vector<RowBand>& rows,
                                BoxFrame frame, const Options& options, TextMeasurer& text) {
    const graph::Arrangement& a = graph.arrangement;
    RowLevels levels;
    std::vector<std::vector<std::size_t>> branches_of_row(rows.size());
    levels.lane = branch_lanes(graph, boxes, branches_of_row, frame, options);
    // Reaches of each row from its centre line.
    const SpineReach reach{graph, units, boxes, frame};
    for (std::size_t i = 0; i < graph.spine_boxes; ++i) {
        RowBand& row = rows[boxes[i].row];
        const DrawnBox& b = boxes[i];
        row.top = std::max(row.top, -reach.top_offset(i));
        row.bottom = std::max(row.bottom, (b.size.y + b.de) / 2 + caption_below_height(b));
    }
    levels.skip_y.assign(a.skips.size(), 0);
    for (std::size_t k = 0; k < a.skips.size(); ++k) {
        const graph::Skip& s = a.skips[k];
        levels.skip_y[k] =
            reach.run_offset(graph.spine_index(s.from), graph.spine_index(s.to), s.level);
        RowBand& row = rows[boxes[graph.index_of(s.from)].row];
        row.top = std::max(row.top, -levels.skip_y[k] + 1);
    }
    levels.bus_y.assign(a.buses.size(), 0);
    for (std::size_t k = 0; k < a.buses.size(); ++k) {
        const graph::Bus& bus = a.buses[k];
        levels.bus_y[k] = reach.run_offset(graph.spine_index(bus.sources.front()),
                                           graph.spine_index(bus.targets.back()), bus.level);
        RowBand& row = rows[boxes[graph.index_of(bus.sources.front())].row];
        row.top = std::max(row.top, -levels.bus_y[k] + 1);
    }
    place_lanes(graph, levels.lane, branches_of_row, boxes, rows, options.compat_visualkeras);
    levels.repeat_labels = place_repeat_labels(graph, units, boxes, frame, options, text);
    levels.bracket_y =
        bracket_lines(graph, boxes, levels.repeat_labels, rows, options, text, levels.label_right);
    return levels;
}

void make_room_for_groups(LayerGroups& groups, const std::vector<DrawnBox>& boxes,
                          std::vector<RowBand>& rows) {
    std::vector<std::size_t> row_of_box;
    for (const DrawnBox& b : boxes) row_of_box.push_back(b.row);
    groups.place_in_rows(std::move(row_of_box));
    const LayerGroups::RowRoom room = groups.room_by_row(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        rows[r].top += room.above[r];
        rows[r].bottom += room.below[r];
    }
}

void stack_rows(std::vector<RowBand>& rows, std::vector<DrawnBox>& boxes) {
    double y = 0;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (r > 0) y += rows[r - 1].bottom + kRowGap + rows[r].top;
        rows[r].y = y;
    }
    for (DrawnBox& b : boxes) b.cy += rows[b.row].y;
}

}  // namespace strata::layout
