#include "layout/decorations/layer_groups.hpp"
#include "layout/decorations/text_run.hpp"
#include "layout/fitting/latin_modern.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/printable.hpp"

#include <algorithm>
#include <iterator>
#include <limits>
#include <set>
#include <string_view>

namespace strata::layout {
namespace {

std::string wanted_id(const LayerGroup& group) {
    return group.name.empty() ? std::string("group") : "group-" + group.name;
}

void sort_unique(std::vector<std::size_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

GroupClearance::GroupClearance(const std::vector<LayerGroup>& groups, bool before_first)
    : before_first_(before_first) {
    padding_.reserve(groups.size());
    for (std::size_t i = 0; i < groups.size(); ++i) {
        padding_.push_back(groups[i].padding);
        for (const std::string& name : groups[i].layers) groups_of_[name].push_back(i);
    }
    for (auto& entry : groups_of_) sort_unique(entry.second);
}

double GroupClearance::before(const std::string& name) {
    static const std::vector<std::size_t> kNone;
    const auto found = groups_of_.find(name);
    const std::vector<std::size_t>& current = found == groups_of_.end() ? kNone : found->second;
    // Both lists ascend: one merge finds the groups left and the groups entered.
    double leaving = 0, entering = 0;
    auto p = previous_.begin();
    auto c = current.begin();
    while (p != previous_.end() || c != current.end()) {
        if (c == current.end() || (p != previous_.end() && *p < *c)) {
            leaving = std::max(leaving, padding_[*p++]);
        } else if (p == previous_.end() || *c < *p) {
            entering = std::max(entering, padding_[*c++]);
        } else {
            ++p;
            ++c;
        }
    }
    previous_ = current;
    const bool first = first_;
    first_ = false;
    if (first && !before_first_) return 0;
    return leaving + entering;
}

LayerGroups::LayerGroups(const Options& options, const std::vector<std::string>& drawn_names,
                         const Model& model, TextMeasurer& text, Warnings& warnings)
    : options_(options), text_(text) {
    std::set<std::string> all_names;
    for (const Layer& layer : model.layers) all_names.insert(layer.name);
    // Each group looks its names up here: the cost is its members, not the drawn boxes.
    std::unordered_map<std::string_view, std::vector<std::size_t>> boxes_named;
    for (std::size_t i = 0; i < drawn_names.size(); ++i) boxes_named[drawn_names[i]].push_back(i);
    for (const LayerGroup& group : options.layered_groups) {
        const std::string where = "layered_groups " + quoted_text(group.name);
        for (const std::string& name : group.layers) {
            if (all_names.count(name) == 0)
                warnings.push_back({where, "no layer is named " + quoted_text(name)});
        }
        Resolved r;
        r.group = &group;
        for (const std::string& name : group.layers) {
            const auto found = boxes_named.find(name);
            if (found != boxes_named.end())
                r.boxes.insert(r.boxes.end(), found->second.begin(), found->second.end());
        }
        sort_unique(r.boxes);
        if (r.boxes.empty()) {
            warnings.push_back({where, "the group holds no drawn layer; it is not drawn"});
            continue;
        }
        // visualkeras falls back to Arial, or Pillow's default font; strata uses the caption
        // font, which it can name in the output (Latin Modern at the title's optical size).
        r.font = FontSpec{group.font.value_or(latin_modern_at_size(options.font, group.font_size)),
                          group.font_size};
        if (!group.name.empty()) r.title = text.measure(group.name, r.font);
        groups_.push_back(std::move(r));
    }
    check_rectangle_count();
}

std::pair<std::size_t, std::size_t> LayerGroups::row_span(const Resolved& g) const {
    std::size_t first = std::numeric_limits<std::size_t>::max(), last = 0;
    for (std::size_t i : g.boxes) {
        first = std::min(first, row_of(i));
        last = std::max(last, row_of(i));
    }
    return {first, last};
}

void LayerGroups::check_rectangle_count() const {
    std::size_t rectangles = 0;
    for (const Resolved& g : groups_) {
        const auto [first, last] = row_span(g);
        rectangles += last - first + 1;
        if (rectangles > limits::kMaxGroupRectangles) {
            throw Error("layered_groups", "the groups would draw more than " +
                                              std::to_string(limits::kMaxGroupRectangles) +
                                              " rectangles, one per group and row it spans");
        }
    }
}

void LayerGroups::enclose_marks(std::vector<std::optional<Rect>> marks) {
    marks_ = std::move(marks);
}

void LayerGroups::keep_titles_clear_of(std::vector<std::optional<Rect>> reaches) {
    reaches_ = std::move(reaches);
}

void LayerGroups::place_in_rows(std::vector<std::size_t> row_of_box) {
    rows_ = std::move(row_of_box);
    check_rectangle_count();
}

Rect LayerGroups::extent(std::size_t i, const std::vector<BoxPlacement>& boxes) const {
    const BoxPlacement& b = boxes[i];
    // The visible outline: the back face lies up-right (up-left when reversed).
    Rect r{b.reversed ? b.x1 - b.de : b.x1, b.y1 - b.de, b.reversed ? b.x2 : b.x2 + b.de, b.y2};
    if (i < marks_.size() && marks_[i]) {
        const Rect& c = *marks_[i];
        r.left = std::min(r.left, b.x1 + c.left);
        r.right = std::max(r.right, b.x1 + c.right);
        r.top = std::min(r.top, b.y1 + c.top);
        r.bottom = std::max(r.bottom, b.y1 + c.bottom);
    }
    return r;
}

Rect LayerGroups::title_clearance(std::size_t i, const std::vector<BoxPlacement>& boxes) const {
    Rect r = extent(i, boxes);
    if (i < reaches_.size() && reaches_[i]) {
        const Rect& c = *reaches_[i];
        const BoxPlacement& b = boxes[i];
        r.left = std::min(r.left, b.x1 + c.left);
        r.right = std::max(r.right, b.x1 + c.right);
        r.top = std::min(r.top, b.y1 + c.top);
        r.bottom = std::max(r.bottom, b.y1 + c.bottom);
    }
    return r;
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

void include(Rect& r, const Rect& more) {
    r.left = std::min(r.left, more.left);
    r.right = std::max(r.right, more.right);
    r.top = std::min(r.top, more.top);
    r.bottom = std::max(r.bottom, more.bottom);
}

}  // namespace

// The drawn boxes of each row by the x of their centres, with the union of their extents
// over every prefix and suffix of that order: what a rectangle that runs on past a row's end
// (or began before its start) holds is then one binary search away.
class LayerGroups::RowIndex {
  public:
    RowIndex(const LayerGroups& groups, const std::vector<BoxPlacement>& boxes) {
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            const std::size_t row = groups.row_of(i);
            if (row >= rows_.size()) rows_.resize(row + 1);
            rows_[row].centres.push_back({(boxes[i].x1 + boxes[i].x2) / 2, i});
        }
        for (Row& row : rows_) {
            std::sort(row.centres.begin(), row.centres.end());
            const std::size_t n = row.centres.size();
            row.prefix.assign(n + 1, kEmpty);
            row.suffix.assign(n + 1, kEmpty);
            for (std::size_t k = 0; k < n; ++k) {
                row.prefix[k + 1] = row.prefix[k];
                include(row.prefix[k + 1], groups.extent(row.centres[k].second, boxes));
            }
            for (std::size_t k = n; k-- > 0;) {
                row.suffix[k] = row.suffix[k + 1];
                include(row.suffix[k], groups.extent(row.centres[k].second, boxes));
            }
            row.skyline = skyline(groups, boxes, row.centres);
        }
    }

    // The lowest bottom of what a title must clear (boxes, what they carry and what reaches
    // beside them) in the row across the span [left, right], or -infinity. Costs a binary
    // search and the steps of the row's skyline under the span.
    double lowest_within(std::size_t row, double left, double right) const {
        double lowest = -kInf;
        if (row >= rows_.size()) return lowest;
        const std::vector<Step>& sky = rows_[row].skyline;
        // The step that holds `left`: the last that starts at or before it.
        auto k = std::upper_bound(sky.begin(), sky.end(), left,
                                  [](double x, const Step& s) { return x < s.x; });
        if (k != sky.begin()) --k;
        for (; k != sky.end() && k->x < right; ++k) {
            const auto next = std::next(k);
            if (next != sky.end() && next->x <= left) continue;
            lowest = std::max(lowest, k->bottom);
        }
        return lowest;
    }

    // The union of the extents of the row's boxes whose centre is at least `left`, at most
    // `right` (all of them: every centre lies inside the row's own extent).
    Rect from(std::size_t row, double left) const {
        if (row >= rows_.size()) return kEmpty;
        const Row& r = rows_[row];
        const auto k = std::lower_bound(r.centres.begin(), r.centres.end(), left,
                                        [](const auto& c, double x) { return c.first < x; });
        return r.suffix[static_cast<std::size_t>(k - r.centres.begin())];
    }
    Rect up_to(std::size_t row, double right) const {
        if (row >= rows_.size()) return kEmpty;
        const Row& r = rows_[row];
        const auto k = std::upper_bound(r.centres.begin(), r.centres.end(), right,
                                        [](double x, const auto& c) { return x < c.first; });
        return r.prefix[static_cast<std::size_t>(k - r.centres.begin())];
    }
    Rect whole(std::size_t row) const {
        return row < rows_.size() ? rows_[row].prefix.back() : kEmpty;
    }
    std::size_t rows() const { return rows_.size(); }

  private:
    // From `x` to the next step's x, the lowest bottom of what a title must clear there.
    struct Step {
        double x, bottom;
    };
    static constexpr Rect kEmpty{kInf, kInf, -kInf, -kInf};
    struct Row {
        std::vector<std::pair<double, std::size_t>> centres;  // (centre x, box), ascending
        std::vector<Rect> prefix, suffix;  // union of the first k, of all from k on
        std::vector<Step> skyline;         // the lowest bottom a title must clear, along x
    };

    // The lower envelope of what a title must clear at the boxes `centres` of a row: a sweep
    // over their left and right edges with the bottoms in force. O(n log n).
    static std::vector<Step> skyline(const LayerGroups& groups,
                                     const std::vector<BoxPlacement>& boxes,
                                     const std::vector<std::pair<double, std::size_t>>& centres) {
        std::vector<Rect> spans;
        spans.reserve(centres.size());
        for (const auto& [centre, box] : centres)
            spans.push_back(groups.title_clearance(box, boxes));
        std::vector<std::pair<double, std::size_t>> events;  // (x, 2k opens span k, 2k+1 closes)
        events.reserve(2 * spans.size());
        for (std::size_t k = 0; k < spans.size(); ++k) {
            if (!(spans[k].right > spans[k].left)) continue;
            events.push_back({spans[k].left, 2 * k});
            events.push_back({spans[k].right, 2 * k + 1});
        }
        std::sort(events.begin(), events.end());
        std::multiset<double> open;
        std::vector<Step> steps;
        for (std::size_t e = 0; e < events.size();) {
            const double x = events[e].first;
            for (; e < events.size() && events[e].first == x; ++e) {
                const Rect& span = spans[events[e].second / 2];
                if (events[e].second % 2 == 0) {
                    open.insert(span.bottom);
                } else {
                    open.erase(open.find(span.bottom));
                }
            }
            const double bottom = open.empty() ? -kInf : *open.rbegin();
            if (steps.empty() || steps.back().bottom != bottom) steps.push_back({x, bottom});
        }
        return steps;
    }
    std::vector<Row> rows_;
};

std::vector<Rect> LayerGroups::rectangles_of(const Resolved& g,
                                             const std::vector<BoxPlacement>& boxes,
                                             const RowIndex& index) const {
    // The group's own boxes, by row.
    std::vector<std::pair<std::size_t, Rect>> own;
    own.reserve(g.boxes.size());
    for (std::size_t i : g.boxes) own.push_back({row_of(i), extent(i, boxes)});
    std::stable_sort(own.begin(), own.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    const std::size_t first = own.front().first, last = own.back().first;
    std::vector<Rect> out;
    auto next = own.begin();
    for (std::size_t row = first; row <= last; ++row) {
        Rect r{kInf, kInf, -kInf, -kInf};
        for (; next != own.end() && next->first == row; ++next) include(r, next->second);
        if (first != last) {
            // The group goes on past this row's end, or began before its start: the rectangle
            // reaches that end and holds every box on the way.
            if (row == first)
                include(r, index.from(row, r.left));
            else if (row == last)
                include(r, index.up_to(row, r.right));
            else
                include(r, index.whole(row));
        }
        const double p = g.group->padding;
        out.push_back(Rect{r.left - p, r.top - p, r.right + p, r.bottom + p});
    }
    return out;
}

LayerGroups::RowRoom LayerGroups::room_by_row(std::size_t rows) const {
    RowRoom room{std::vector<double>(rows, 0), std::vector<double>(rows, 0)};
    for (const Resolved& g : groups_) {
        const auto [first, last] = row_span(g);
        const double title =
            g.group->name.empty() ? 0 : g.group->text_spacing + std::max(0.0, g.title.bottom);
        for (std::size_t row = first; row <= last && row < rows; ++row) {
            room.above[row] = std::max(room.above[row], g.group->padding);
            // The title hangs under the group's first rectangle.
            room.below[row] =
                std::max(room.below[row], g.group->padding + (row == first ? title : 0));
        }
    }
    return room;
}

// The title's ascender-line origin, `text_spacing` below the group's first rectangle, and
// below whatever else of that row reaches under it: lanes and their captions hang below the
// row, outside a rectangle that holds only the spine.
Point LayerGroups::title_origin(const Resolved& g, const Rect& rect, const RowIndex& index) const {
    const double centre = (rect.left + rect.right) / 2;
    const TextMetrics& m = g.title;
    const double y = rect.bottom + g.group->text_spacing;
    // visualkeras centres the ink width but starts it at the origin, off by the left bearing;
    // strata centres the ink itself.
    if (options_.compat_visualkeras) return {centre - (m.right - m.left) / 2, y};
    double x = centre - (m.left + m.right) / 2;
    const std::size_t row = row_span(g).first;
    // In a figure wrapped into rows the lines to and from the other rows run down beside the
    // row's ends: the title keeps within the row's extent, or is centred on it when wider.
    if (index.rows() > 1) {
        const Rect whole = index.whole(row);
        if (whole.right > whole.left) {
            if (m.right - m.left > whole.right - whole.left)
                x = (whole.left + whole.right) / 2 - (m.left + m.right) / 2;
            else
                x = std::clamp(x, whole.left - m.left, whole.right - m.right);
        }
    }
    const double below = index.lowest_within(row, x + m.left, x + m.right);
    return {x, std::max(y, below + g.group->text_spacing)};
}

void LayerGroups::extend(const std::vector<BoxPlacement>& boxes, Rect& bounds) const {
    const RowIndex index(*this, boxes);
    for (const Resolved& g : groups_) {
        const std::vector<Rect> rects = rectangles_of(g, boxes, index);
        for (const Rect& r : rects) include(bounds, r);
        const Rect& rect = rects.front();
        if (g.group->name.empty()) continue;
        const TextMetrics& m = g.title;
        const Point origin = title_origin(g, rect, index);
        if (options_.compat_visualkeras) {
            // visualkeras reserves the ink height from the origin, so the lowest `top` pixels
            // of the title fall off the canvas when it is the lowest thing drawn.
            const double centre = (rect.left + rect.right) / 2, half = (m.right - m.left) / 2;
            bounds.left = std::min(bounds.left, centre - half);
            bounds.right = std::max(bounds.right, centre + half);
            bounds.bottom = std::max(bounds.bottom, origin.y + (m.bottom - m.top));
        } else {
            bounds.left = std::min(bounds.left, origin.x + m.left);
            bounds.right = std::max(bounds.right, origin.x + m.right);
            bounds.bottom = std::max(bounds.bottom, origin.y + m.bottom);
        }
    }
}

std::vector<Group> LayerGroups::rectangles(const std::vector<BoxPlacement>& boxes,
                                           IdMaker& ids) const {
    const RowIndex index(*this, boxes);
    std::vector<Group> out;
    for (const Resolved& g : groups_) {
        Group group;
        group.id = ids.make(wanted_id(*g.group));
        group.label = g.group->name;
        group.role = Role::group;
        group.fill = g.group->fill;
        group.outline = g.group->outline;
        for (const Rect& r : rectangles_of(g, boxes, index)) {
            group.items.push_back(Polygon{
                "rectangle",
                {{r.left, r.top}, {r.right, r.top}, {r.right, r.bottom}, {r.left, r.bottom}},
                g.group->fill,
                g.group->outline,
                g.group->width});
        }
        out.push_back(std::move(group));
    }
    return out;
}

std::vector<Group> LayerGroups::titles(const std::vector<BoxPlacement>& boxes, IdMaker& ids) const {
    const RowIndex index(*this, boxes);
    std::vector<Group> out;
    for (const Resolved& g : groups_) {
        if (g.group->name.empty()) continue;
        const Point origin = title_origin(g, rectangles_of(g, boxes, index).front(), index);
        TextRun run =
            make_text_run(text_, g.font, g.group->name, {origin.x, origin.y + g.title.ascent},
                          g.title.advance, g.group->font_color, TextAnchor::middle);
        Group group;
        group.id = ids.make(wanted_id(*g.group) + "-title");
        group.label = g.group->name;
        group.role = Role::group_title;
        group.items.push_back(std::move(run));
        out.push_back(std::move(group));
    }
    return out;
}

}  // namespace strata::layout
