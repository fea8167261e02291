#include "layout/decorations/layer_groups.hpp"
#include "layout/decorations/text_run.hpp"
#include "layout/fitting/latin_modern.hpp"
#include "strata/printable.hpp"

#include <algorithm>
#include <limits>
#include <set>

namespace strata::layout {
namespace {

bool holds(const LayerGroup& group, const std::string& name) {
    return std::find(group.layers.begin(), group.layers.end(), name) != group.layers.end();
}

std::string wanted_id(const LayerGroup& group) {
    return group.name.empty() ? std::string("group") : "group-" + group.name;
}

}  // namespace

GroupClearance::GroupClearance(const std::vector<LayerGroup>& groups, bool before_first)
    : groups_(groups), previous_(groups.size(), false), before_first_(before_first) {}

double GroupClearance::before(const std::string& name) {
    double leaving = 0, entering = 0;
    for (std::size_t i = 0; i < groups_.size(); ++i) {
        const bool member = holds(groups_[i], name);
        if (previous_[i] && !member) leaving = std::max(leaving, groups_[i].padding);
        if (!previous_[i] && member) entering = std::max(entering, groups_[i].padding);
        previous_[i] = member;
    }
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
    for (const LayerGroup& group : options.layered_groups) {
        const std::string where = "layered_groups " + quoted_text(group.name);
        for (const std::string& name : group.layers) {
            if (all_names.count(name) == 0)
                warnings.push_back({where, "no layer is named " + quoted_text(name)});
        }
        Resolved r;
        r.group = &group;
        for (std::size_t i = 0; i < drawn_names.size(); ++i) {
            if (holds(group, drawn_names[i])) r.boxes.push_back(i);
        }
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
}

void LayerGroups::enclose_marks(std::vector<std::optional<Rect>> marks) {
    marks_ = std::move(marks);
}

void LayerGroups::place_in_rows(std::vector<std::size_t> row_of_box) {
    rows_ = std::move(row_of_box);
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

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

void include(Rect& r, const Rect& more) {
    r.left = std::min(r.left, more.left);
    r.right = std::max(r.right, more.right);
    r.top = std::min(r.top, more.top);
    r.bottom = std::max(r.bottom, more.bottom);
}

}  // namespace

std::vector<Rect> LayerGroups::rectangles_of(const Resolved& g,
                                             const std::vector<BoxPlacement>& boxes) const {
    std::size_t first = std::numeric_limits<std::size_t>::max(), last = 0;
    for (std::size_t i : g.boxes) {
        first = std::min(first, row_of(i));
        last = std::max(last, row_of(i));
    }
    std::vector<Rect> out;
    for (std::size_t row = first; row <= last; ++row) {
        Rect r{kInf, kInf, -kInf, -kInf};
        for (std::size_t i : g.boxes) {
            if (row_of(i) == row) include(r, extent(i, boxes));
        }
        if (first != last) {
            // The group goes on past this row's end, or began before its start: the rectangle
            // reaches that end and holds every box on the way.
            Rect whole_row{kInf, kInf, -kInf, -kInf};
            for (std::size_t i = 0; i < boxes.size(); ++i) {
                if (row_of(i) == row) include(whole_row, extent(i, boxes));
            }
            const double left = row == first ? r.left : whole_row.left;
            const double right = row == last ? r.right : whole_row.right;
            for (std::size_t i = 0; i < boxes.size(); ++i) {
                if (row_of(i) != row) continue;
                const Rect e = extent(i, boxes);
                const double centre = (boxes[i].x1 + boxes[i].x2) / 2;
                if (centre >= left && centre <= right) include(r, e);
            }
        }
        const double p = g.group->padding;
        out.push_back(Rect{r.left - p, r.top - p, r.right + p, r.bottom + p});
    }
    return out;
}

LayerGroups::RowRoom LayerGroups::room_by_row(std::size_t rows) const {
    RowRoom room{std::vector<double>(rows, 0), std::vector<double>(rows, 0)};
    for (const Resolved& g : groups_) {
        std::size_t first = std::numeric_limits<std::size_t>::max(), last = 0;
        for (std::size_t i : g.boxes) {
            first = std::min(first, row_of(i));
            last = std::max(last, row_of(i));
        }
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

// The title's ascender-line origin, `text_spacing` below the rectangle.
Point LayerGroups::title_origin(const Resolved& g, const Rect& rect) const {
    const double centre = (rect.left + rect.right) / 2;
    const TextMetrics& m = g.title;
    const double y = rect.bottom + g.group->text_spacing;
    // visualkeras centres the ink width but starts it at the origin, off by the left bearing;
    // strata centres the ink itself.
    if (options_.compat_visualkeras) return {centre - (m.right - m.left) / 2, y};
    return {centre - (m.left + m.right) / 2, y};
}

void LayerGroups::extend(const std::vector<BoxPlacement>& boxes, Rect& bounds) const {
    for (const Resolved& g : groups_) {
        const std::vector<Rect> rects = rectangles_of(g, boxes);
        for (const Rect& r : rects) include(bounds, r);
        const Rect& rect = rects.front();
        if (g.group->name.empty()) continue;
        const TextMetrics& m = g.title;
        const Point origin = title_origin(g, rect);
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
    std::vector<Group> out;
    for (const Resolved& g : groups_) {
        Group group;
        group.id = ids.make(wanted_id(*g.group));
        group.label = g.group->name;
        group.role = Role::group;
        group.fill = g.group->fill;
        group.outline = g.group->outline;
        for (const Rect& r : rectangles_of(g, boxes)) {
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
    std::vector<Group> out;
    for (const Resolved& g : groups_) {
        if (g.group->name.empty()) continue;
        const Point origin = title_origin(g, rectangles_of(g, boxes).front());
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
