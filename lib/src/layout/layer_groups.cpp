#include "layout/layer_groups.hpp"
#include "layout/text_run.hpp"

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
        const std::string where = "layered_groups '" + group.name + "'";
        for (const std::string& name : group.layers) {
            if (all_names.count(name) == 0)
                warnings.push_back({where, "no layer is named '" + name + "'"});
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
        // font, which it can name in the output.
        r.font = FontSpec{group.font.value_or(options.font), group.font_size};
        if (!group.name.empty()) r.title = text.measure(group.name, r.font);
        groups_.push_back(std::move(r));
    }
}

void LayerGroups::enclose_captions(std::vector<std::optional<Rect>> captions) {
    captions_ = std::move(captions);
}

Rect LayerGroups::rectangle(const Resolved& g, const std::vector<BoxPlacement>& boxes) const {
    constexpr double inf = std::numeric_limits<double>::infinity();
    Rect r{inf, inf, -inf, -inf};
    for (std::size_t i : g.boxes) {
        const BoxPlacement& b = boxes[i];
        // The visible outline: the back face lies up-right (up-left when reversed).
        r.left = std::min(r.left, b.reversed ? b.x1 - b.de : b.x1);
        r.right = std::max(r.right, b.reversed ? b.x2 : b.x2 + b.de);
        r.top = std::min(r.top, b.y1 - b.de);
        r.bottom = std::max(r.bottom, b.y2);
        if (i < captions_.size() && captions_[i]) {
            const Rect& c = *captions_[i];
            r.left = std::min(r.left, b.x1 + c.left);
            r.right = std::max(r.right, b.x1 + c.right);
            r.top = std::min(r.top, b.y1 + c.top);
            r.bottom = std::max(r.bottom, b.y1 + c.bottom);
        }
    }
    const double p = g.group->padding;
    return Rect{r.left - p, r.top - p, r.right + p, r.bottom + p};
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
        const Rect rect = rectangle(g, boxes);
        bounds.left = std::min(bounds.left, rect.left);
        bounds.right = std::max(bounds.right, rect.right);
        bounds.top = std::min(bounds.top, rect.top);
        bounds.bottom = std::max(bounds.bottom, rect.bottom);
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
        const Rect r = rectangle(g, boxes);
        Group group;
        group.id = ids.make(wanted_id(*g.group));
        group.label = g.group->name;
        group.role = Role::group;
        group.fill = g.group->fill;
        group.outline = g.group->outline;
        group.items.push_back(
            Polygon{"rectangle",
                    {{r.left, r.top}, {r.right, r.top}, {r.right, r.bottom}, {r.left, r.bottom}},
                    g.group->fill,
                    g.group->outline,
                    g.group->width});
        out.push_back(std::move(group));
    }
    return out;
}

std::vector<Group> LayerGroups::titles(const std::vector<BoxPlacement>& boxes, IdMaker& ids) const {
    std::vector<Group> out;
    for (const Resolved& g : groups_) {
        if (g.group->name.empty()) continue;
        const Point origin = title_origin(g, rectangle(g, boxes));
        TextRun run =
            make_text_run(text_, g.font, g.group->name, {origin.x, origin.y + g.title.ascent},
                          g.title.advance, g.group->font_color);
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
