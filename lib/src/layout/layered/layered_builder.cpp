// The layered builder's core: the drawn boxes, their captions, the figure's extents and the
// classic chain of boxes joined by funnels; build() puts the parts together.

#include "layout/layered/layered_builder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "layout/decorations/caption_spacing.hpp"
#include "layout/decorations/captions.hpp"
#include "layout/decorations/layer_groups.hpp"
#include "layout/decorations/text_run.hpp"
#include "layout/layered/box_captions.hpp"
#include "layout/layered/box_faces.hpp"
#include "layout/layered/box_size.hpp"
#include "layout/layered/figure_bounds.hpp"
#include "strata/error.hpp"
#include "style/layer_style.hpp"
#include "style/length.hpp"

namespace strata::layout {

LayeredBuilder::LayeredBuilder(const Model& model, const Options& options,
                               const LayoutContext& context, Warnings& warnings, double size_factor,
                               double width_limit)
    : model_(model),
      o_(options),
      text_(context.text),
      warnings_(warnings),
      pictures_(options, context.images, warnings),
      size_factor_(size_factor),
      width_limit_(width_limit) {}

Scene LayeredBuilder::build() {
    boxes_ = drawn_boxes(model_, o_, {size_factor_, width_limit_}, pictures_);
    if (boxes_.empty()) {
        throw Error("", "no layer left to draw (all were ignored by type_ignore or index_ignore)");
    }
    // Reversed drawing (depth to the left) keeps the classic chain: lanes, ports and
    // funnels of the branching layout assume the depth goes right.
    if (!o_.compat_visualkeras && !o_.draw_reversed) prepare_graph();
    try {
        measure_captions();
    } catch (const TextBudgetExceeded&) {
        throw;
    } catch (const Error& e) {
        // A font that cannot be found is a problem of the `font` option, not of the model.
        if (!e.file().empty()) throw;
        throw Error("font", e.line(), e.column(), e.message());
    }
    groups_.emplace(o_, drawn_names(), model_, text_, warnings_);
    if (graph_) {
        place_graph();
    } else if (!o_.compat_visualkeras) {
        spread_captions(boxes_.size());
    }
    if (!o_.compat_visualkeras) groups_->enclose_marks(mark_offsets());
    compute_extents();
    Scene scene;
    scene.title = model_.name;
    scene.width = width_;
    scene.height = height_;
    scene.background = o_.background_fill;
    if (graph_) {
        emit_graph(scene);
    } else {
        emit_boxes_and_funnels(scene);
    }
    emit_group_rectangles(scene);
    emit_captions(scene);
    emit_legend_and_group_titles(scene);
    if (graph_) append_connection_legend(scene);
    pictures_.append_logos_legend(scene, text_, ids_);
    // Captions were charged as their templates were filled; the rest of the text (legend,
    // group titles, labels) comes one line per entry of the model or the options.
    for (const Group& g : scene.groups) {
        if (g.role != Role::caption) text_budget_.charge(g);
    }
    return scene;
}

void LayeredBuilder::measure_captions() {
    for (std::size_t i = 0; i < boxes_.size(); ++i) {
        DrawnBox& box = boxes_[i];
        box.caption =
            measure_caption(model_.layers[box.layer], i, box.style, o_, text_, text_budget_);
    }
}

// Moves boxes apart just enough that no caption overlaps another caption or a box.
// Only the first `count` boxes (the classic chain, or the spine of a branching model).
void LayeredBuilder::spread_captions(std::size_t count) {
    bool any = false;
    std::vector<BoxFootprint> footprints;
    footprints.reserve(count);
    x_offset_ = boxes_.front().de / 2;
    for (std::size_t i = 0; i < count; ++i) {
        const DrawnBox& b = boxes_[i];
        const double x1 = layout_x1(b), h = b.size.y + b.de;
        BoxFootprint f;
        f.box =
            Rect{x1 - reversed() * b.de, -h / 2, x1 + b.size.z + (1 - reversed()) * b.de, h / 2};
        if (b.caption) {
            any = true;
            f.has_caption = true;
            f.caption = caption_block(b, x1, -h / 2 + b.de, o_);  // centred on y = 0
        }
        footprints.push_back(f);
    }
    if (!any) return;
    // Half a font size between neighbouring captions keeps them apart as words.
    const std::vector<double> shifts = caption_shifts(footprints, o_.font_size / 2);
    for (std::size_t i = 0; i < count; ++i) boxes_[i].left += shifts[i];
}

void LayeredBuilder::compute_extents() {
    x_offset_ = boxes_.front().de / 2;
    const Rect bounds = figure_bounds(boxes_, x_offset_, extra_bounds_, o_);
    double min_x = bounds.left, max_x = bounds.right;
    top_ = -bounds.top;
    bottom_ = bounds.bottom;
    extend_by_groups(min_x, max_x);
    shift_ = o_.padding - min_x;
    // visualkeras has no vertical padding: the tallest box touches both edges.
    margin_y_ = o_.compat_visualkeras ? 0 : o_.padding;
    width_ = std::ceil(max_x - min_x + 2 * o_.padding);
    height_ = std::ceil(top_ + bottom_ + 2 * margin_y_);
}

BoxPlacement LayeredBuilder::placement(const DrawnBox& b) const {
    BoxPlacement p;
    p.x1 = layout_x1(b) + shift_;
    p.x2 = p.x1 + b.size.z;
    double top_y = margin_y_ + top_ + b.cy - (b.size.y + b.de) / 2;
    p.y1 = top_y + b.de;
    p.y2 = top_y + b.size.y + b.de;
    p.de = b.de;
    p.reversed = o_.draw_reversed;
    return p;
}

const std::string& LayeredBuilder::box_id(std::size_t i) {
    if (box_ids_.empty()) {
        for (const DrawnBox& b : boxes_) box_ids_.push_back(ids_.make(model_.layers[b.layer].name));
    }
    return box_ids_[i];
}

Group LayeredBuilder::box_group(std::size_t i) {
    const DrawnBox& b = boxes_[i];
    const Layer& layer = model_.layers[b.layer];
    BoxPlacement p = placement(b);
    Group g;
    g.id = box_id(i);
    g.label = layer.name;
    g.role = Role::layer;
    g.type = layer.type;
    g.shape = shape_text(layer);
    g.box = BoxGeometry{p.x1, p.y1, p.x2, p.y2, p.de};
    g.fill = b.fill;
    g.outline = b.outline;
    g.items = box_primitives(p, b.fill, b.outline, b.style.shade_step);
    return g;
}

Polyline LayeredBuilder::line(const char* name, Point from, Point to) const {
    return Polyline{name, {from, to}, o_.connector_fill, o_.connector_width};
}

Group LayeredBuilder::funnel_group(std::size_t right, const char* suffix) {
    Group g;
    const Layer& layer = model_.layers[boxes_[right].layer];
    g.id = ids_.make(box_id(right) + suffix);
    g.label = "funnel into " + layer.name;
    g.role = Role::funnel;
    return g;
}

// Normal mode: drawn just before box b. visualkeras draws funnels in the box outline colour
// and ignores connector_fill and connector_width; strata uses them.
Group LayeredBuilder::normal_funnel(std::size_t bi) {
    return normal_funnel(bi - 1, bi);
}

Group LayeredBuilder::normal_funnel(std::size_t ai, std::size_t bi) {
    BoxPlacement a = placement(boxes_[ai]), b = placement(boxes_[bi]);
    Group g = funnel_group(bi, "-funnel");
    g.items.push_back(line("back-top", {a.x2 + a.de, a.y1 - a.de}, {b.x1 + b.de, b.y1 - b.de}));
    g.items.push_back(line("back-bottom", {a.x2 + a.de, a.y2 - a.de}, {b.x1 + b.de, b.y2 - b.de}));
    g.items.push_back(line("front-bottom", {a.x2, a.y2}, {b.x1, b.y2}));
    g.items.push_back(line("front-top", {a.x2, a.y1}, {b.x1, b.y1}));
    return g;
}

// Reversed mode: the back edges go first, before any box.
Group LayeredBuilder::reversed_back_funnel(std::size_t bi) {
    BoxPlacement a = placement(boxes_[bi - 1]), b = placement(boxes_[bi]);
    Group g = funnel_group(bi, "-funnel-back");
    g.items.push_back(line("back-top", {a.x2 - a.de, a.y1 - a.de}, {b.x1 - b.de, b.y1 - b.de}));
    g.items.push_back(line("back-bottom", {a.x2 - a.de, a.y2 - a.de}, {b.x1 - b.de, b.y2 - b.de}));
    return g;
}

// Reversed mode: the front edges, drawn before the left box a.
Group LayeredBuilder::reversed_front_funnel(std::size_t bi) {
    BoxPlacement a = placement(boxes_[bi - 1]), b = placement(boxes_[bi]);
    Group g = funnel_group(bi, "-funnel-front");
    g.items.push_back(line("front-top", {b.x1, b.y1}, {a.x2, a.y1}));
    g.items.push_back(line("front-bottom", {b.x1, b.y2}, {a.x2, a.y2}));
    return g;
}

void LayeredBuilder::emit_boxes_and_funnels(Scene& scene) {
    const std::size_t n = boxes_.size();
    if (!o_.draw_reversed) {
        for (std::size_t i = 0; i < n; ++i) {
            if (o_.draw_funnel && i > 0) scene.groups.push_back(normal_funnel(i));
            scene.groups.push_back(box_group(i));
            append_pictures(scene, i);
        }
        return;
    }
    if (o_.draw_funnel) {
        for (std::size_t i = 1; i < n; ++i) scene.groups.push_back(reversed_back_funnel(i));
    }
    for (std::size_t i = n; i-- > 0;) {
        if (o_.draw_funnel && i + 1 < n) scene.groups.push_back(reversed_front_funnel(i + 1));
        scene.groups.push_back(box_group(i));
        append_pictures(scene, i);
    }
}

void LayeredBuilder::emit_captions(Scene& scene) {
    for (std::size_t i = 0; i < boxes_.size(); ++i) {
        const DrawnBox& b = boxes_[i];
        if (!b.caption) continue;
        const Caption& caption = *b.caption;
        const FontSpec& font = b.style.font;
        BoxPlacement p = placement(b);
        const Rect block = caption_block(b, p.x1, p.y1, o_);
        double widest_advance = 0;
        for (const TextMetrics& m : caption.metrics)
            widest_advance = std::max(widest_advance, m.advance);
        Group g;
        g.id = ids_.make(box_id(i) + "-caption");
        g.label = "caption of " + model_.layers[b.layer].name;
        g.role = Role::caption;
        g.type = model_.layers[b.layer].type;
        for (std::size_t j = 0; j < caption.lines.size(); ++j) {
            const TextMetrics& m = caption.metrics[j];
            // Lines are centred by their advances inside the block, as Pillow does.
            const Point baseline{block.left + (widest_advance - m.advance) / 2,
                                 block.top + static_cast<double>(j) * caption.pitch + m.ascent};
            g.items.push_back(make_text_run(text_, font, caption.lines[j], baseline, m.advance,
                                            b.style.font_color, TextAnchor::middle));
        }
        scene.groups.push_back(std::move(g));
    }
}

}  // namespace strata::layout
