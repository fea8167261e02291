// Branching and deep models: the arrangement of the graph (graph/) placed as boxes, the
// spine with its lanes, wrapped into balanced rows stacked one under the other, and the
// units of the ×N repeats with their brackets.

#include "layout/layered/layered_builder.hpp"

#include <algorithm>
#include <limits>

#include "layout/graph/lanes.hpp"
#include "layout/graph/short_labels.hpp"

namespace strata::layout {
namespace {

// Gaps of the branching layout, px.
constexpr double kLevelGap = 12;  // between skip levels, and from the boxes to the first
constexpr double kLaneGap = 18;   // between the row and a lane, and between lanes

}  // namespace

// The narrowest row's width over the widest's: 1 for a single row. Call after build().
double LayeredBuilder::narrowest_row_share() const {
    double narrowest = std::numeric_limits<double>::infinity(), widest = 0;
    for (const RowBand& row : rows_) {
        narrowest = std::min(narrowest, row.width);
        widest = std::max(widest, row.width);
    }
    return rows_.size() < 2 || widest <= 0 ? 1 : narrowest / widest;
}

double LayeredBuilder::glyph_radius() const {
    return std::max(4.0, 8 * size_factor_);
}

// Arranges the DAG; keeps the classic chain when there is nothing to arrange.
void LayeredBuilder::prepare_graph() {
    std::vector<std::size_t> drawn;
    drawn.reserve(boxes_.size());
    for (const DrawnBox& b : boxes_) drawn.push_back(b.layer);
    graph::Arrangement a = graph::arrange(
        model_, drawn,
        o_.collapse == strata::Collapse::none ? graph::Collapse::none : graph::Collapse::exact);
    if (a.is_plain_chain() && width_limit_ <= 0 && !o_.stages) return;
    std::vector<DrawnBox> all = std::move(boxes_);
    boxes_.clear();
    box_of_node_.assign(all.size(), -1);
    auto take = [&](std::size_t v) {
        DrawnBox b = all[v];
        b.node = v;
        b.merge = a.merge[v];
        if (is_glyph(b)) {
            const double r = glyph_radius();
            b.size = BoxSize{0, 2 * r, 2 * r};
            b.de = 0;
        } else if (b.merge == graph::MergeKind::concat) {
            b.size.z = std::max(3.0, 8 * size_factor_);  // a slab: channels split in it
        }
        box_of_node_[v] = static_cast<long>(boxes_.size());
        boxes_.push_back(std::move(b));
    };
    for (std::size_t v : a.spine) {
        if (!a.hidden[v]) take(v);
    }
    spine_boxes_ = boxes_.size();
    for (std::size_t bi = 0; bi < a.branches.size(); ++bi) {
        for (std::size_t v : a.branches[bi].nodes) {
            if (a.hidden[v]) continue;
            take(v);
            boxes_.back().on_spine = false;
            boxes_.back().branch = static_cast<long>(bi);
        }
    }
    graph_ = std::move(a);
    branch_nodes_.assign(graph_->branches.size(), {});
    for (std::size_t bi = 0; bi < graph_->branches.size(); ++bi) {
        for (std::size_t v : graph_->branches[bi].nodes) {
            if (visible(v)) branch_nodes_[bi].push_back(v);
        }
    }
}

// Where a branch's first box starts: after its fork box, or with the row.
double LayeredBuilder::branch_start(std::size_t bi) const {
    const graph::Branch& br = graph_->branches[bi];
    if (br.fork < 0) return layout_x1(boxes_.front());
    const DrawnBox& f = box_of(graph_->spine[static_cast<std::size_t>(br.fork)]);
    return layout_x1(f) + f.size.z + right_reach(f) + f.style.spacing;
}

// Places a branch's boxes left to right from `start` (front face of the first box), far
// enough apart that their captions do not touch; returns where the next thing may start.
double LayeredBuilder::lay_branch(std::size_t bi, double start) {
    double x = start;
    double caption_right = -std::numeric_limits<double>::infinity();
    for (std::size_t v : visible_nodes(bi)) {
        DrawnBox& b = box_of(v);
        b.left = x - x_offset_ - reversed() * b.de;
        if (b.caption) {
            const Rect block = caption_block(b, x, 0, o_);
            const double push = caption_right + o_.font_size / 2 - block.left;
            if (push > 0) {
                b.left += push;
                x += push;
            }
            caption_right = block.right + std::max(0.0, push);
        }
        x += b.size.z + b.de + b.style.spacing;
    }
    return x;
}

// Whether a lane leaves this spine layer (its connector drops from the box's bottom).
bool LayeredBuilder::forks_lane(std::size_t node) const {
    for (std::size_t w : graph_->dag.succs[node]) {
        if (graph_->spine_pos[w] < 0 && visible(w)) return true;
    }
    return false;
}

void LayeredBuilder::place_graph() {
    const graph::Arrangement& a = *graph_;
    x_offset_ = boxes_.front().de / 2;
    std::vector<std::vector<std::size_t>> joining(a.spine.size() + 1);
    for (std::size_t bi = 0; bi < a.branches.size(); ++bi) {
        if (!visible_nodes(bi).empty())
            joining[std::min(a.branches[bi].join, a.spine.size())].push_back(bi);
    }
    // The spine left to right, leaving room for the branches that rejoin it.
    double cursor = o_.padding;
    for (std::size_t i = 0; i < spine_boxes_; ++i) {
        DrawnBox& b = boxes_[i];
        cursor += b.gap_before;
        const auto pos = static_cast<std::size_t>(a.spine_pos[b.node]);
        for (std::size_t bi : joining[pos]) {
            const double needed = lay_branch(bi, branch_start(bi));
            const double x1 = cursor - b.de / 2 + x_offset_ + reversed() * b.de;
            if (needed > x1) cursor += needed - x1;
        }
        // A glyph, or a box a lane leaves from below, stands clear of the depth of the box
        // before it, so that connectors can reach it.
        if ((is_glyph(b) || forks_lane(b.node)) && i > 0) cursor += boxes_[i - 1].de;
        if (i > 0 && is_glyph(boxes_[i - 1])) cursor += b.de / 2;  // nor its own depth back
        b.left = cursor - b.de / 2;
        cursor += b.size.z + b.style.spacing;
    }
    if (!o_.compat_visualkeras) spread_captions(spine_boxes_);
    for (std::size_t bi = 0; bi < a.branches.size(); ++bi) lay_branch(bi, branch_start(bi));
    wrap_rows();
    place_rows_vertically();
}

// The horizontal extent of a box with its caption, layout coordinates.
std::pair<double, double> LayeredBuilder::footprint_x(const DrawnBox& b) const {
    const double x1 = layout_x1(b);
    double left = x1 - reversed() * b.de, right = x1 + b.size.z + right_reach(b);
    if (b.caption) {
        const Rect block = caption_block(b, x1, 0, o_);
        left = std::min(left, block.left);
        right = std::max(right, block.right);
    }
    return {left, right};
}

std::size_t LayeredBuilder::item_of_box(const DrawnBox& b, const std::vector<long>& item_at) const {
    if (b.on_spine)
        return static_cast<std::size_t>(
            std::max(0L, item_at[static_cast<std::size_t>(graph_->spine_pos[b.node])]));
    // A lane goes with its fork, or with its join when a row may break between the two.
    const graph::Branch& br = graph_->branches[static_cast<std::size_t>(b.branch)];
    const long fork = item_at[static_cast<std::size_t>(std::max(0L, br.fork))];
    if (br.join < item_at.size() && item_at[br.join] >= 0 && fork != item_at[br.join])
        return static_cast<std::size_t>(item_at[br.join]);
    return static_cast<std::size_t>(std::max(0L, fork));
}

// Breaks the row between items (never inside one, so no connector crosses a break) into
// the fewest rows no wider than the width, balanced: least sum of squared slack.
void LayeredBuilder::wrap_rows() {
    find_units();
    const graph::Arrangement& a = *graph_;
    const std::size_t items = a.items.size();
    std::vector<long> item_at(a.spine.size(), -1);
    for (std::size_t k = 0; k < items; ++k) {
        for (std::size_t p = a.items[k].first; p <= a.items[k].last; ++p)
            item_at[p] = static_cast<long>(k);
    }
    std::vector<double> left(items, std::numeric_limits<double>::infinity());
    std::vector<double> right(items, -std::numeric_limits<double>::infinity());
    for (const DrawnBox& b : boxes_) {
        const std::size_t k = item_of_box(b, item_at);
        const auto [l, r] = footprint_x(b);
        left[k] = std::min(left[k], l);
        right[k] = std::max(right[k], r);
    }
    // A ×N label wider than its unit widens the unit's item.
    for (std::size_t k = 0; k < a.repeats.size(); ++k) {
        const std::size_t item =
            static_cast<std::size_t>(std::max(0L, item_at[a.repeats[k].first]));
        const auto [lo, hi] = repeat_extent(k);
        const double w = text_.measure(repeat_label(k), annotation_font()).advance;
        left[item] = std::min(left[item], (lo + hi) / 2 - w / 2);
        right[item] = std::max(right[item], (lo + hi) / 2 + w / 2);
    }
    std::vector<std::size_t> row_start;  // first item of each row
    // The carriage return between rows runs half a row gap beyond each end of a row.
    const double available = width_limit_ - 2 * o_.padding - kRowGap;
    if (width_limit_ <= 0 || items == 0) {
        row_start = {0};
    } else {
        struct Best {
            std::size_t rows = 0;
            double cost = 0;
            std::size_t from = 0;
        };
        std::vector<Best> best(items + 1);
        for (std::size_t j = 0; j < items; ++j) {
            Best pick{std::numeric_limits<std::size_t>::max(), 0, j};
            double lo = std::numeric_limits<double>::infinity(), hi = -lo;
            for (std::size_t i = j + 1; i-- > 0;) {
                lo = std::min(lo, left[i]);
                hi = std::max(hi, right[i]);
                const double w = hi - lo;
                if (w > available && i < j) break;
                const double slack = std::max(0.0, available - w);
                const Best candidate{best[i].rows + 1, best[i].cost + slack * slack, i};
                if (candidate.rows < pick.rows ||
                    (candidate.rows == pick.rows && candidate.cost < pick.cost))
                    pick = candidate;
            }
            best[j + 1] = pick;
        }
        for (std::size_t j = items; j > 0; j = best[j].from) row_start.push_back(best[j].from);
        std::reverse(row_start.begin(), row_start.end());
    }
    rows_.clear();
    for (std::size_t r = 0; r < row_start.size(); ++r) {
        RowBand band;
        band.first_item = row_start[r];
        band.last_item = r + 1 < row_start.size() ? row_start[r + 1] - 1 : items - 1;
        if (items > 0) {
            const auto lo =
                std::min_element(left.begin() + band.first_item, left.begin() + band.last_item + 1);
            const auto hi = std::max_element(right.begin() + band.first_item,
                                             right.begin() + band.last_item + 1);
            band.width = *hi - *lo;
        }
        rows_.push_back(band);
    }
    std::vector<std::size_t> row_of_item(items, 0);
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        for (std::size_t k = rows_[r].first_item; k <= rows_[r].last_item; ++k) row_of_item[k] = r;
    }
    for (DrawnBox& b : boxes_) {
        b.row = items == 0 ? 0 : row_of_item[item_of_box(b, item_at)];
        const double dx = left[rows_[b.row].first_item] - left[0];
        b.left -= dx;
    }
}

double LayeredBuilder::caption_above_height(const DrawnBox& b) const {
    return b.caption && b.caption->above ? b.caption->height : 0;
}

double LayeredBuilder::caption_below_height(const DrawnBox& b) const {
    return b.caption && !b.caption->above ? b.caption->height : 0;
}

// Which boxes belong to the drawn unit of each ×N repeat (a branch goes with its fork).
void LayeredBuilder::find_units() {
    const graph::Arrangement& a = *graph_;
    std::vector<long> repeat_at(a.spine.size(), -1);
    for (std::size_t k = 0; k < a.repeats.size(); ++k) {
        for (std::size_t p = a.repeats[k].first; p <= a.repeats[k].last; ++p)
            repeat_at[p] = static_cast<long>(k);
    }
    unit_boxes_.assign(a.repeats.size(), {});
    unit_of_box_.assign(boxes_.size(), -1);
    for (std::size_t i = 0; i < boxes_.size(); ++i) {
        const DrawnBox& b = boxes_[i];
        const long pos =
            b.on_spine ? a.spine_pos[b.node] : a.branches[static_cast<std::size_t>(b.branch)].fork;
        if (pos < 0) continue;
        unit_of_box_[i] = repeat_at[static_cast<std::size_t>(pos)];
        // A lane forking at the unit's last layer but rejoining after it (the next block's
        // projection shortcut) is not part of the unit.
        if (!b.on_spine && unit_of_box_[i] >= 0) {
            const std::size_t join = a.branches[static_cast<std::size_t>(b.branch)].join;
            if (join > a.repeats[static_cast<std::size_t>(unit_of_box_[i])].last)
                unit_of_box_[i] = -1;
        }
        if (unit_of_box_[i] >= 0)
            unit_boxes_[static_cast<std::size_t>(unit_of_box_[i])].push_back(i);
    }
}

// How far above its row's centre line the highest thing over spine box i reaches (a
// negative y offset): box, caption above, ghosts.
double LayeredBuilder::top_offset(std::size_t i) const {
    const DrawnBox& b = boxes_[i];
    const double ghosts = unit_of_box_[i] >= 0 ? 2 * kGhostStep : 0;
    return -(b.size.y + b.de) / 2 - caption_above_height(b) - ghosts;
}

// The run height of a connector over spine positions [from, to], relative to the centre line.
// Boxes outside the span count too when their depth reaches over it.
double LayeredBuilder::run_offset(std::size_t from, std::size_t to, int level) const {
    double top = 0;
    for (std::size_t p = from; p <= to; ++p) {
        const std::size_t v = graph_->spine[p];
        if (visible(v)) top = std::min(top, top_offset(static_cast<std::size_t>(box_of_node_[v])));
    }
    const std::size_t first = index_of(graph_->spine[from]), last = index_of(graph_->spine[to]);
    const double left = layout_x1(boxes_[first]);
    const double right = layout_x1(boxes_[last]) + boxes_[last].size.z + right_reach(boxes_[last]);
    for (std::size_t k = first; k-- > 0 && first - k <= kDepthReach;) {
        if (boxes_[k].row != boxes_[first].row) break;
        if (layout_x1(boxes_[k]) + boxes_[k].size.z + right_reach(boxes_[k]) > left)
            top = std::min(top, top_offset(k));
    }
    for (std::size_t k = last + 1; k < spine_boxes_ && k - last <= kDepthReach; ++k) {
        if (boxes_[k].row != boxes_[last].row) break;
        if (layout_x1(boxes_[k]) - reversed() * boxes_[k].de < right)
            top = std::min(top, top_offset(k));
    }
    return top - kLevelGap * (level + 1);
}

std::size_t LayeredBuilder::spine_index(std::size_t node) const {
    return static_cast<std::size_t>(graph_->spine_pos[node]);
}

void LayeredBuilder::place_rows_vertically() {
    const graph::Arrangement& a = *graph_;
    // Lanes: per row, branches by the x range they take, narrowest first (nested inside).
    std::vector<std::vector<std::size_t>> branches_of_row(rows_.size());
    std::vector<int> lane(a.branches.size(), 0);
    std::vector<std::pair<double, double>> extent(a.branches.size());
    for (std::size_t bi = 0; bi < a.branches.size(); ++bi) {
        const std::vector<std::size_t>& nodes = visible_nodes(bi);
        if (nodes.empty()) continue;
        branches_of_row[box_of(nodes.front()).row].push_back(bi);
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (std::size_t v : nodes) {
            const auto [l, r] = footprint_x(box_of(v));
            lo = std::min(lo, l);
            hi = std::max(hi, r);
        }
        // A lane reaches from the middle of its fork to the middle of its join, so that
        // branches chained through one layer (Inception modules) share a lane.
        const graph::Branch& br = a.branches[bi];
        auto middle = [&](std::size_t pos) {
            const DrawnBox& b = box_of(a.spine[pos]);
            return layout_x1(b) + b.size.z / 2;
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
    lane_ = lane;
    // Reaches of each row from its centre line.
    std::vector<std::vector<double>> lane_top(rows_.size());
    skip_offset_.assign(a.skips.size(), 0);
    bus_offset_.assign(a.buses.size(), 0);
    for (std::size_t i = 0; i < spine_boxes_; ++i) {
        RowBand& row = rows_[boxes_[i].row];
        const DrawnBox& b = boxes_[i];
        row.top = std::max(row.top, -top_offset(i));
        row.bottom = std::max(row.bottom, (b.size.y + b.de) / 2 + caption_below_height(b));
    }
    for (std::size_t k = 0; k < a.skips.size(); ++k) {
        const graph::Skip& s = a.skips[k];
        skip_offset_[k] = run_offset(spine_index(s.from), spine_index(s.to), s.level);
        RowBand& row = rows_[box_of(s.from).row];
        row.top = std::max(row.top, -skip_offset_[k] + 1);
    }
    for (std::size_t k = 0; k < a.buses.size(); ++k) {
        const graph::Bus& bus = a.buses[k];
        bus_offset_[k] = run_offset(spine_index(bus.sources.front()),
                                    spine_index(bus.targets.back()), bus.level);
        RowBand& row = rows_[box_of(bus.sources.front()).row];
        row.top = std::max(row.top, -bus_offset_[k] + 1);
    }
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        int lanes = 0;
        for (std::size_t bi : branches_of_row[r]) lanes = std::max(lanes, lane[bi]);
        std::vector<double> height(static_cast<std::size_t>(lanes) + 1, 0), reach(height);
        for (std::size_t bi : branches_of_row[r]) {
            for (std::size_t v : visible_nodes(bi)) {
                const DrawnBox& b = box_of(v);
                const auto l = static_cast<std::size_t>(lane[bi]);
                height[l] = std::max(height[l], b.size.y + b.de);
                reach[l] = std::max(
                    reach[l], b.size.y + b.de + caption_below_height(b) + caption_above_height(b));
            }
        }
        lane_top[r].assign(height.size(), 0);
        double y = rows_[r].bottom;
        for (std::size_t l = 1; l < height.size(); ++l) {
            lane_top[r][l] = y + kLaneGap;
            y = lane_top[r][l] + reach[l];
        }
        rows_[r].bottom = y;
        for (std::size_t bi : branches_of_row[r]) {
            const auto l = static_cast<std::size_t>(lane[bi]);
            for (std::size_t v : visible_nodes(bi)) {
                DrawnBox& b = box_of(v);
                b.cy = lane_top[r][l] + caption_above_height(b) + height[l] / 2;  // relative
            }
        }
    }
    // Brackets under the ×N units.
    bracket_offset_.assign(a.repeats.size(), 0);
    std::vector<double> label_right(rows_.size(), -std::numeric_limits<double>::infinity());
    std::vector<int> label_line(a.repeats.size(), 0);
    for (std::size_t k = 0; k < a.repeats.size(); ++k) {
        const std::size_t row = box_of(a.spine[a.repeats[k].first]).row;
        const auto [lo, hi] = repeat_extent(k);
        const double label_w = text_.measure(repeat_label(k), annotation_font()).advance;
        const double label_left = (lo + hi) / 2 - label_w / 2;
        label_line[k] = label_left < label_right[row] + o_.font_size ? 1 : 0;
        label_right[row] = label_left + label_w;
        bracket_offset_[k] = static_cast<double>(label_line[k]);
    }
    std::vector<double> row_bottom_before(rows_.size());
    for (std::size_t r = 0; r < rows_.size(); ++r) row_bottom_before[r] = rows_[r].bottom;
    for (std::size_t k = 0; k < a.repeats.size(); ++k) {
        const std::size_t row = box_of(a.spine[a.repeats[k].first]).row;
        const double y = row_bottom_before[row] + kBracketDrop;
        const double extra = kBracketTick + 2 + annotation_line_height() * (1 + bracket_offset_[k]);
        bracket_offset_[k] = y + annotation_line_height() * bracket_offset_[k];  // bracket line y
        rows_[row].bottom = std::max(rows_[row].bottom, y + extra);
    }
    if (o_.stages) find_stages();
    if (rows_.size() > 1) make_room_for_groups();
    // Stack the rows and move everything into place.
    double y = 0;
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        if (r > 0) y += rows_[r - 1].bottom + kRowGap + rows_[r].top;
        rows_[r].y = y;
    }
    for (DrawnBox& b : boxes_) b.cy += rows_[b.row].y;
    build_overlays();
}

// Layer groups over several rows have a rectangle in each; rows keep them and their
// titles apart.
void LayeredBuilder::make_room_for_groups() {
    std::vector<std::size_t> row_of_box;
    for (const DrawnBox& b : boxes_) row_of_box.push_back(b.row);
    groups_->place_in_rows(std::move(row_of_box));
    const LayerGroups::RowRoom room = groups_->room_by_row(rows_.size());
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        rows_[r].top += room.above[r];
        rows_[r].bottom += room.below[r];
    }
}

std::string LayeredBuilder::repeat_label(std::size_t k) const {
    const graph::Repeat& r = graph_->repeats[k];
    return graph::short_label("\u00d7" + std::to_string(r.count) + "  " + r.scope);
}

std::pair<double, double> LayeredBuilder::repeat_extent(std::size_t k) const {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t i : unit_boxes_[k]) {
        const DrawnBox& b = boxes_[i];
        const double x1 = layout_x1(b);
        lo = std::min(lo, x1 - reversed() * b.de);
        hi = std::max(hi, x1 + b.size.z + right_reach(b));
    }
    return {lo, hi};
}

}  // namespace strata::layout
