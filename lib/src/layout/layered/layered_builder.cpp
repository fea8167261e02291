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
#include "layout/layered/box_faces.hpp"
#include "layout/layered/box_size.hpp"
#include "strata/error.hpp"
#include "style/layer_style.hpp"
#include "style/length.hpp"
#include "style/palette.hpp"

namespace strata::layout {
namespace {

constexpr const char* kSpacingDummy = "SpacingDummyLayer";
constexpr double kDefaultDummySpacing = 50;

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool contains(const std::vector<std::size_t>& list, std::size_t value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (;;) {
        std::size_t end = text.find('\n', start);
        lines.push_back(
            text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) return lines;
        start = end + 1;
    }
}

}  // namespace

LayeredBuilder::LayeredBuilder(const Model& model, const Options& options, TextMeasurer& text,
                               Warnings& warnings, double size_factor, double width_limit)
    : model_(model),
      o_(options),
      text_(text),
      warnings_(warnings),
      size_factor_(size_factor),
      width_limit_(width_limit) {}

Scene LayeredBuilder::build() {
    collect_boxes();
    if (boxes_.empty()) {
        throw Error("", "no layer left to draw (all were ignored by type_ignore or index_ignore)");
    }
    // Reversed drawing (depth to the left) keeps the classic chain: lanes, ports and
    // funnels of the branching layout assume the depth goes right.
    if (!o_.compat_visualkeras && !o_.draw_reversed) prepare_graph();
    try {
        measure_captions();
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
    return scene;
}

void LayeredBuilder::collect_boxes() {
    Palette palette;
    double cursor = o_.padding;
    double pending_gap = 0;  // spacing dummies since the last box
    GroupClearance group_clearance(o_.layered_groups, !o_.compat_visualkeras);
    // Index among the layers Keras lists (implicit inputs excluded), as index_ignore and
    // index_2D count them.
    std::size_t model_index = 0;
    for (std::size_t li = 0; li < model_.layers.size(); ++li) {
        const Layer& layer = model_.layers[li];
        if (layer.implicit) continue;
        std::size_t k = model_index++;
        if (contains(o_.type_ignore, layer.type) || contains(o_.index_ignore, k)) continue;
        if (layer.type == kSpacingDummy) {
            auto spacing = attr<std::int64_t>(layer, "spacing");
            const double gap = spacing ? static_cast<double>(*spacing) : kDefaultDummySpacing;
            cursor += gap;
            pending_gap += gap;
            continue;
        }
        DrawnBox box;
        box.layer = li;
        box.style = resolve_style(layer, o_);
        if (size_factor_ != 1) {
            scale_limits(box.style.limits);
            // Gaps shrink only once boxes are tiny (a long dense block in one row).
            box.style.spacing *= std::clamp(size_factor_ * 10, 0.2, 1.0);
        }
        // Fitting to a width shrinks boxes, never text below the minimum size.
        if (width_limit_ > 0)
            box.style.font.size = std::max(box.style.font.size, points_to_px(o_.min_font_size));
        box.size = box_size(box_dims(layer), box.style.limits, o_);
        pictures_.fit_box(box.size, box.style);
        bool flat = !o_.draw_volume || contains(o_.index_2D, k);
        box.de = flat ? 0 : box.size.x / 3;
        const double clearance = group_clearance.before(layer.name);
        cursor += clearance;
        box.gap_before = pending_gap + clearance;
        pending_gap = 0;
        box.left = cursor - box.de / 2;
        cursor += box.size.z + box.style.spacing;
        box.fill = box.style.fill ? *box.style.fill : palette.color_for(layer.type);
        box.outline = box.style.outline;
        boxes_.push_back(box);
    }
}

void LayeredBuilder::measure_captions() {
    for (std::size_t i = 0; i < boxes_.size(); ++i) {
        DrawnBox& box = boxes_[i];
        std::optional<std::string> text = caption_for(model_.layers[box.layer], i, o_);
        if (!text) continue;
        Caption caption;
        caption.lines = split_lines(*text);
        caption.above = caption_above(i, o_);
        const FontSpec& font = box.style.font;
        caption.pitch = text_.measure("A", font).bottom + box.style.text_vspacing;
        double drawn_height = 0, summed_height = 0;
        for (std::size_t j = 0; j < caption.lines.size(); ++j) {
            TextMetrics m = text_.measure(caption.lines[j], font);
            caption.width = std::max(caption.width, m.right);
            summed_height += m.bottom;
            drawn_height =
                std::max(drawn_height, static_cast<double>(j) * caption.pitch + m.bottom);
            caption.metrics.push_back(m);
        }
        // visualkeras reserves the sum of the line heights but draws at a fixed pitch, so a
        // block can outgrow its space; strata reserves what it draws.
        caption.height = o_.compat_visualkeras
                             ? summed_height + static_cast<double>(caption.lines.size() - 1) *
                                                   box.style.text_vspacing
                             : drawn_height;
        box.caption = std::move(caption);
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
            f.caption = caption_block(b, x1, -h / 2 + b.de);  // centred on y = 0
        }
        footprints.push_back(f);
    }
    if (!any) return;
    // Half a font size between neighbouring captions keeps them apart as words.
    const std::vector<double> shifts = caption_shifts(footprints, o_.font_size / 2);
    for (std::size_t i = 0; i < count; ++i) boxes_[i].left += shifts[i];
}

double LayeredBuilder::caption_centre(const DrawnBox& b, double x1) const {
    if (!b.caption->above) return x1 + b.size.z / 2;
    // visualkeras centres an upper caption on the normal-mode top face even when reversed.
    double towards_depth = o_.draw_reversed && !o_.compat_visualkeras ? -b.de : b.de;
    return x1 + towards_depth + b.size.z / 2;
}

// The block a box's caption takes, for the box's front face top-left corner at (x1, y1):
// centred under the box, or over its top face.
Rect LayeredBuilder::caption_block(const DrawnBox& b, double x1, double y1) const {
    const double cx = caption_centre(b, x1), w = b.caption->width, h = b.caption->height;
    if (b.caption->above) return Rect{cx - w / 2, y1 - b.de - h, cx + w / 2, y1 - b.de};
    return Rect{cx - w / 2, y1 + b.size.y, cx + w / 2, y1 + b.size.y + h};
}

void LayeredBuilder::compute_extents() {
    x_offset_ = boxes_.front().de / 2;
    double min_x = std::numeric_limits<double>::infinity();
    double max_x = -min_x;
    top_ = bottom_ = 0;
    for (const DrawnBox& b : boxes_) {
        double x1 = layout_x1(b);
        if (o_.compat_visualkeras) {
            // visualkeras leaves the depth out of the width: the last back face is clipped.
            min_x = std::min(min_x, x1);
            max_x = std::max(max_x, x1 + b.size.z);
        } else {
            min_x = std::min(min_x, x1 - reversed() * b.de);
            max_x = std::max(max_x, x1 + b.size.z + (1 - reversed()) * b.de);
        }
        top_ = std::max(top_, (b.size.y + b.de) / 2 - b.cy);
        bottom_ = std::max(bottom_, (b.size.y + b.de) / 2 + b.cy);
    }
    for (const DrawnBox& b : boxes_) {
        if (!b.caption) continue;
        // Rows are centred on y = b.cy here (0 for a single row), so top_ and bottom_ are
        // reaches from the line y = 0.
        const Rect block = caption_block(b, layout_x1(b), b.cy + b.de - (b.size.y + b.de) / 2);
        min_x = std::min(min_x, block.left);
        max_x = std::max(max_x, block.right);
        top_ = std::max(top_, -block.top);
        bottom_ = std::max(bottom_, block.bottom);
    }
    for (const Rect& r : extra_bounds_) {
        min_x = std::min(min_x, r.left);
        max_x = std::max(max_x, r.right);
        top_ = std::max(top_, -r.top);
        bottom_ = std::max(bottom_, r.bottom);
    }
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
        const Rect block = caption_block(b, p.x1, p.y1);
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

void LayeredBuilder::scale_limits(SizeLimits& l) const {
    l.scale_xy *= size_factor_;
    l.scale_z *= size_factor_;
    // A box thinner than a few outline widths is drawn as a black line (the dense layers of
    // a network shrunk to a column): the thinnest side stays legible, the rest shrinks.
    constexpr double kLegibleSide = 4;
    l.min_xy = std::max(l.min_xy * size_factor_, std::min(l.min_xy, kLegibleSide));
    l.max_xy *= size_factor_;
    l.min_z *= size_factor_;
    l.max_z *= size_factor_;
}

}  // namespace strata::layout
