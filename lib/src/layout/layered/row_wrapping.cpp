#include "layout/layered/row_wrapping.hpp"

#include <algorithm>
#include <limits>

#include "layout/graph/row_breaks.hpp"
#include "layout/layered/annotation_marks.hpp"
#include "layout/layered/figure_bounds.hpp"
#include "layout/layered/repeat_labels.hpp"

namespace strata::layout {
namespace {

std::size_t item_of_box(const DrawnBox& b, const graph::Arrangement& a,
                        const std::vector<long>& item_at) {
    if (b.on_spine)
        return static_cast<std::size_t>(
            std::max(0L, item_at[static_cast<std::size_t>(a.spine_pos[b.node])]));
    // A lane goes with its fork, or with its join when a row may break between the two.
    const graph::Branch& br = a.branches[static_cast<std::size_t>(b.branch)];
    const long fork = item_at[static_cast<std::size_t>(std::max(0L, br.fork))];
    if (br.join < item_at.size() && item_at[br.join] >= 0 && fork != item_at[br.join])
        return static_cast<std::size_t>(item_at[br.join]);
    return static_cast<std::size_t>(std::max(0L, fork));
}

}  // namespace

std::pair<double, double> footprint_x(const DrawnBox& b, BoxFrame frame, const Options& options) {
    const double x1 = front_left(b, frame);
    double left = x1 - reversed_share(frame) * b.de, right = x1 + b.size.z + right_reach(b, frame);
    if (b.caption) {
        const Rect block = caption_block(b, x1, 0, options);
        left = std::min(left, block.left);
        right = std::max(right, block.right);
    }
    return {left, right};
}

std::vector<RowBand> wrap_rows(const GraphBoxes& graph, const RepeatUnits& units,
                               std::vector<DrawnBox>& boxes, BoxFrame frame, const Options& options,
                               TextMeasurer& text, double width_limit) {
    const graph::Arrangement& a = graph.arrangement;
    const std::size_t items = a.items.size();
    std::vector<long> item_at(a.spine.size(), -1);
    for (std::size_t k = 0; k < items; ++k) {
        for (std::size_t p = a.items[k].first; p <= a.items[k].last; ++p)
            item_at[p] = static_cast<long>(k);
    }
    std::vector<double> left(items, std::numeric_limits<double>::infinity());
    std::vector<double> right(items, -std::numeric_limits<double>::infinity());
    for (const DrawnBox& b : boxes) {
        const std::size_t k = item_of_box(b, a, item_at);
        const auto [l, r] = footprint_x(b, frame, options);
        left[k] = std::min(left[k], l);
        right[k] = std::max(right[k], r);
    }
    // A ×N label wider than its unit widens the unit's item.
    for (std::size_t k = 0; k < a.repeats.size(); ++k) {
        const std::size_t item =
            static_cast<std::size_t>(std::max(0L, item_at[a.repeats[k].first]));
        const auto [lo, hi] = unit_extent(units.boxes[k], boxes, frame);
        const std::string label = preferred_repeat_label(a.repeats[k], units.boxes[k], boxes);
        const double w = text.measure(label, annotation_font(options)).advance;
        left[item] = std::min(left[item], (lo + hi) / 2 - w / 2);
        right[item] = std::max(right[item], (lo + hi) / 2 + w / 2);
    }
    // The carriage return between rows runs half a row gap beyond each end of a row.
    const double available = width_limit - 2 * options.padding - kRowGap;
    const std::vector<std::size_t> row_start =
        width_limit <= 0 || items == 0 ? std::vector<std::size_t>{0}
                                       : graph::balanced_row_starts(left, right, available);
    std::vector<RowBand> rows;
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
        rows.push_back(band);
    }
    std::vector<std::size_t> row_of_item(items, 0);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t k = rows[r].first_item; k <= rows[r].last_item; ++k) row_of_item[k] = r;
    }
    for (DrawnBox& b : boxes) {
        b.row = items == 0 ? 0 : row_of_item[item_of_box(b, a, item_at)];
        const double dx = left[rows[b.row].first_item] - left[0];
        b.left -= dx;
    }
    return rows;
}

double narrowest_row_share(const std::vector<RowBand>& rows) {
    double narrowest = std::numeric_limits<double>::infinity(), widest = 0;
    for (const RowBand& row : rows) {
        narrowest = std::min(narrowest, row.width);
        widest = std::max(widest, row.width);
    }
    return rows.size() < 2 || widest <= 0 ? 1 : narrowest / widest;
}

}  // namespace strata::layout
