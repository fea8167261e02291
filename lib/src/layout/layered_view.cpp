#include "layout/layered_view.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>

#include "layout/box_faces.hpp"
#include "layout/box_size.hpp"
#include "layout/caption_spacing.hpp"
#include "layout/captions.hpp"
#include "layout/connector_shapes.hpp"
#include "layout/face_pictures.hpp"
#include "layout/graph/arrangement.hpp"
#include "layout/ids.hpp"
#include "layout/layer_groups.hpp"
#include "layout/layer_style.hpp"
#include "layout/legend.hpp"
#include "layout/palette.hpp"
#include "layout/text_run.hpp"
#include "strata/error.hpp"
#include "style/length.hpp"

namespace strata::layout {
namespace {

constexpr const char* kSpacingDummy = "SpacingDummyLayer";
constexpr double kDefaultDummySpacing = 50;

struct Caption {
    std::vector<std::string> lines;
    std::vector<TextMetrics> metrics;
    bool above = false;
    double width = 0;   // widest ink right edge
    double height = 0;  // height reserved for the block
    double pitch = 0;   // distance between line origins
};

// A layer that gets a box, with everything decided before placement.
struct DrawnBox {
    std::size_t layer = 0;
    LayerStyle style;
    BoxSize size;
    double de = 0;
    double left = 0;  // L_i: left edge of the front face, layout coordinates
    Rgba fill, outline;
    std::optional<Caption> caption;
    // Branching models (graph/): where the box sits in the arrangement.
    double gap_before = 0;  // spacing dummies and group clearance before the box
    double cy = 0;          // centre line of its row or lane, layout coordinates
    std::size_t node = 0;   // graph node
    bool on_spine = true;
    long branch = -1;
    std::size_t row = 0;
    graph::MergeKind merge = graph::MergeKind::none;
};

// Gaps of the branching layout, px.
constexpr double kLevelGap = 12;  // between skip levels, and from the boxes to the first
constexpr double kLaneGap = 18;   // between the row and a lane, and between lanes
constexpr double kRowGap = 30;    // between wrapped rows; the carriage return runs in it
constexpr double kGhostStep = 4;  // offset of each ghost outline behind a repeated block
constexpr double kArrowSize = 5;
constexpr double kBracketDrop = 8;  // from the lowest thing in the row to a ×N bracket
constexpr double kBracketTick = 4;
const Rgba kCopyColor{46, 117, 182, 255};  // copy (concatenation) connectors
const Rgba kGhostFill{236, 236, 236, 255};
const Rgba kGhostStroke{150, 150, 150, 255};

// visualkeras' dims: the output shape without its first entry, unknown entries dropped.
std::vector<double> box_dims(const Layer& layer) {
    if (!layer.shape_known || layer.shapes.empty()) return {1};  // drawn like a (None, 1) tensor
    std::vector<double> dims;
    const Shape& shape = layer.shapes.front();
    for (std::size_t i = 1; i < shape.size(); ++i) {
        if (shape[i] != kUnknownDim) dims.push_back(static_cast<double>(shape[i]));
    }
    return dims;
}

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

// One row of a wrapped figure: its items, its centre line and how far it reaches above and
// below it (layout coordinates).
struct RowBand {
    std::size_t first_item = 0, last_item = 0;
    double y = 0, top = 0, bottom = 0;
    double width = 0;  // of its items
};

class Builder {
  public:
    Builder(const Model& model, const Options& options, TextMeasurer& text, Warnings& warnings,
            double size_factor = 1, double width_limit = 0)
        : model_(model),
          o_(options),
          text_(text),
          warnings_(warnings),
          size_factor_(size_factor),
          width_limit_(width_limit) {}

    // The narrowest row's width over the widest's: 1 for a single row. Call after build().
    double narrowest_row_share() const {
        double narrowest = std::numeric_limits<double>::infinity(), widest = 0;
        for (const RowBand& row : rows_) {
            narrowest = std::min(narrowest, row.width);
            widest = std::max(widest, row.width);
        }
        return rows_.size() < 2 || widest <= 0 ? 1 : narrowest / widest;
    }

    Scene build() {
        collect_boxes();
        if (boxes_.empty()) {
            throw Error("",
                        "no layer left to draw (all were ignored by type_ignore or index_ignore)");
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
        if (!o_.compat_visualkeras) groups_->enclose_captions(caption_offsets());
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

  private:
    double reversed() const { return o_.draw_reversed ? 1.0 : 0.0; }

    void collect_boxes() {
        const std::string& mode = o_.sizing_mode;
        if (mode != "accurate" && mode != "balanced" && mode != "capped" && mode != "logarithmic" &&
            mode != "relative") {
            warnings_.push_back(
                {"sizing_mode", "unknown sizing mode '" + mode + "', using accurate"});
        }
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

    void measure_captions() {
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
    void spread_captions(std::size_t count) {
        bool any = false;
        std::vector<BoxFootprint> footprints;
        footprints.reserve(count);
        x_offset_ = boxes_.front().de / 2;
        for (std::size_t i = 0; i < count; ++i) {
            const DrawnBox& b = boxes_[i];
            const double x1 = layout_x1(b), h = b.size.y + b.de;
            BoxFootprint f;
            f.box = Rect{x1 - reversed() * b.de, -h / 2, x1 + b.size.z + (1 - reversed()) * b.de,
                         h / 2};
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

    // Left edge of the front face in layout coordinates (before the final shift).
    double layout_x1(const DrawnBox& b) const { return b.left + x_offset_ + reversed() * b.de; }

    double caption_centre(const DrawnBox& b, double x1) const {
        if (!b.caption->above) return x1 + b.size.z / 2;
        // visualkeras centres an upper caption on the normal-mode top face even when reversed.
        double towards_depth = o_.draw_reversed && !o_.compat_visualkeras ? -b.de : b.de;
        return x1 + towards_depth + b.size.z / 2;
    }

    // The block a box's caption takes, for the box's front face top-left corner at (x1, y1):
    // centred under the box, or over its top face.
    Rect caption_block(const DrawnBox& b, double x1, double y1) const {
        const double cx = caption_centre(b, x1), w = b.caption->width, h = b.caption->height;
        if (b.caption->above) return Rect{cx - w / 2, y1 - b.de - h, cx + w / 2, y1 - b.de};
        return Rect{cx - w / 2, y1 + b.size.y, cx + w / 2, y1 + b.size.y + h};
    }

    void compute_extents() {
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

    BoxPlacement placement(const DrawnBox& b) const {
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

    const std::string& box_id(std::size_t i) {
        if (box_ids_.empty()) {
            for (const DrawnBox& b : boxes_)
                box_ids_.push_back(ids_.make(model_.layers[b.layer].name));
        }
        return box_ids_[i];
    }

    Group box_group(std::size_t i) {
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

    Polyline line(const char* name, Point from, Point to) const {
        return Polyline{name, {from, to}, o_.connector_fill, o_.connector_width};
    }

    Group funnel_group(std::size_t right, const char* suffix) {
        Group g;
        const Layer& layer = model_.layers[boxes_[right].layer];
        g.id = ids_.make(box_id(right) + suffix);
        g.label = "funnel into " + layer.name;
        g.role = Role::funnel;
        return g;
    }

    // Normal mode: drawn just before box b. visualkeras draws funnels in the box outline colour
    // and ignores connector_fill and connector_width; strata uses them.
    Group normal_funnel(std::size_t bi) { return normal_funnel(bi - 1, bi); }

    Group normal_funnel(std::size_t ai, std::size_t bi) {
        BoxPlacement a = placement(boxes_[ai]), b = placement(boxes_[bi]);
        Group g = funnel_group(bi, "-funnel");
        g.items.push_back(line("back-top", {a.x2 + a.de, a.y1 - a.de}, {b.x1 + b.de, b.y1 - b.de}));
        g.items.push_back(
            line("back-bottom", {a.x2 + a.de, a.y2 - a.de}, {b.x1 + b.de, b.y2 - b.de}));
        g.items.push_back(line("front-bottom", {a.x2, a.y2}, {b.x1, b.y2}));
        g.items.push_back(line("front-top", {a.x2, a.y1}, {b.x1, b.y1}));
        return g;
    }

    // Reversed mode: the back edges go first, before any box.
    Group reversed_back_funnel(std::size_t bi) {
        BoxPlacement a = placement(boxes_[bi - 1]), b = placement(boxes_[bi]);
        Group g = funnel_group(bi, "-funnel-back");
        g.items.push_back(line("back-top", {a.x2 - a.de, a.y1 - a.de}, {b.x1 - b.de, b.y1 - b.de}));
        g.items.push_back(
            line("back-bottom", {a.x2 - a.de, a.y2 - a.de}, {b.x1 - b.de, b.y2 - b.de}));
        return g;
    }

    // Reversed mode: the front edges, drawn before the left box a.
    Group reversed_front_funnel(std::size_t bi) {
        BoxPlacement a = placement(boxes_[bi - 1]), b = placement(boxes_[bi]);
        Group g = funnel_group(bi, "-funnel-front");
        g.items.push_back(line("front-top", {b.x1, b.y1}, {a.x2, a.y1}));
        g.items.push_back(line("front-bottom", {b.x1, b.y2}, {a.x2, a.y2}));
        return g;
    }

    void emit_boxes_and_funnels(Scene& scene) {
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

    void emit_captions(Scene& scene) {
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
                                                b.style.font_color));
            }
            scene.groups.push_back(std::move(g));
        }
    }

    // ---- Branching and deep models (graph/) ----

    void scale_limits(SizeLimits& l) const {
        l.scale_xy *= size_factor_;
        l.scale_z *= size_factor_;
        l.min_xy *= size_factor_;
        l.max_xy *= size_factor_;
        l.min_z *= size_factor_;
        l.max_z *= size_factor_;
    }

    double glyph_radius() const { return std::max(4.0, 8 * size_factor_); }

    static bool is_glyph(const DrawnBox& b) {
        return b.merge == graph::MergeKind::add || b.merge == graph::MergeKind::multiply;
    }

    // Arranges the DAG; keeps the classic chain when there is nothing to arrange.
    void prepare_graph() {
        std::vector<std::size_t> drawn;
        drawn.reserve(boxes_.size());
        for (const DrawnBox& b : boxes_) drawn.push_back(b.layer);
        graph::Arrangement a = graph::arrange(
            model_, drawn, o_.collapse == "none" ? graph::Collapse::none : graph::Collapse::exact);
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

    DrawnBox& box_of(std::size_t node) {
        return boxes_[static_cast<std::size_t>(box_of_node_[node])];
    }
    const DrawnBox& box_of(std::size_t node) const {
        return boxes_[static_cast<std::size_t>(box_of_node_[node])];
    }
    bool visible(std::size_t node) const { return box_of_node_[node] >= 0; }

    double right_reach(const DrawnBox& b) const { return (1 - reversed()) * b.de; }

    // Where a branch's first box starts: after its fork box, or with the row.
    double branch_start(std::size_t bi) const {
        const graph::Branch& br = graph_->branches[bi];
        if (br.fork < 0) return layout_x1(boxes_.front());
        const DrawnBox& f = box_of(graph_->spine[static_cast<std::size_t>(br.fork)]);
        return layout_x1(f) + f.size.z + right_reach(f) + f.style.spacing;
    }

    const std::vector<std::size_t>& visible_nodes(std::size_t bi) const {
        return branch_nodes_[bi];
    }

    // Places a branch's boxes left to right from `start` (front face of the first box), far
    // enough apart that their captions do not touch; returns where the next thing may start.
    double lay_branch(std::size_t bi, double start) {
        double x = start;
        double caption_right = -std::numeric_limits<double>::infinity();
        for (std::size_t v : visible_nodes(bi)) {
            DrawnBox& b = box_of(v);
            b.left = x - x_offset_ - reversed() * b.de;
            if (b.caption) {
                const Rect block = caption_block(b, x, 0);
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
    bool forks_lane(std::size_t node) const {
        for (std::size_t w : graph_->dag.succs[node]) {
            if (graph_->spine_pos[w] < 0 && visible(w)) return true;
        }
        return false;
    }

    void place_graph() {
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
    std::pair<double, double> footprint_x(const DrawnBox& b) const {
        const double x1 = layout_x1(b);
        double left = x1 - reversed() * b.de, right = x1 + b.size.z + right_reach(b);
        if (b.caption) {
            const Rect block = caption_block(b, x1, 0);
            left = std::min(left, block.left);
            right = std::max(right, block.right);
        }
        return {left, right};
    }

    std::size_t item_of_box(const DrawnBox& b, const std::vector<long>& item_at) const {
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
    void wrap_rows() {
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
                const auto lo = std::min_element(left.begin() + band.first_item,
                                                 left.begin() + band.last_item + 1);
                const auto hi = std::max_element(right.begin() + band.first_item,
                                                 right.begin() + band.last_item + 1);
                band.width = *hi - *lo;
            }
            rows_.push_back(band);
        }
        std::vector<std::size_t> row_of_item(items, 0);
        for (std::size_t r = 0; r < rows_.size(); ++r) {
            for (std::size_t k = rows_[r].first_item; k <= rows_[r].last_item; ++k)
                row_of_item[k] = r;
        }
        for (DrawnBox& b : boxes_) {
            b.row = items == 0 ? 0 : row_of_item[item_of_box(b, item_at)];
            const double dx = left[rows_[b.row].first_item] - left[0];
            b.left -= dx;
        }
    }

    // Layout-coordinate geometry of a box once b.cy is set.
    BoxPlacement layout_box(const DrawnBox& b) const {
        const double x1 = layout_x1(b), h = b.size.y + b.de;
        return {x1, b.cy - h / 2 + b.de, x1 + b.size.z, b.cy + h / 2, b.de, o_.draw_reversed};
    }

    double caption_above_height(const DrawnBox& b) const {
        return b.caption && b.caption->above ? b.caption->height : 0;
    }
    double caption_below_height(const DrawnBox& b) const {
        return b.caption && !b.caption->above ? b.caption->height : 0;
    }

    // Which boxes belong to the drawn unit of each ×N repeat (a branch goes with its fork).
    void find_units() {
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
            const long pos = b.on_spine ? a.spine_pos[b.node]
                                        : a.branches[static_cast<std::size_t>(b.branch)].fork;
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
    double top_offset(std::size_t i) const {
        const DrawnBox& b = boxes_[i];
        const double ghosts = unit_of_box_[i] >= 0 ? 2 * kGhostStep : 0;
        return -(b.size.y + b.de) / 2 - caption_above_height(b) - ghosts;
    }

    // The run height of a connector over spine positions [from, to], relative to the centre line.
    // Boxes outside the span count too when their depth reaches over it.
    double run_offset(std::size_t from, std::size_t to, int level) const {
        double top = 0;
        for (std::size_t p = from; p <= to; ++p) {
            const std::size_t v = graph_->spine[p];
            if (visible(v))
                top = std::min(top, top_offset(static_cast<std::size_t>(box_of_node_[v])));
        }
        constexpr std::size_t kReach = 12;
        const std::size_t first = index_of(graph_->spine[from]), last = index_of(graph_->spine[to]);
        const double left = layout_x1(boxes_[first]);
        const double right =
            layout_x1(boxes_[last]) + boxes_[last].size.z + right_reach(boxes_[last]);
        for (std::size_t k = first; k-- > 0 && first - k <= kReach;) {
            if (boxes_[k].row != boxes_[first].row) break;
            if (layout_x1(boxes_[k]) + boxes_[k].size.z + right_reach(boxes_[k]) > left)
                top = std::min(top, top_offset(k));
        }
        for (std::size_t k = last + 1; k < spine_boxes_ && k - last <= kReach; ++k) {
            if (boxes_[k].row != boxes_[last].row) break;
            if (layout_x1(boxes_[k]) - reversed() * boxes_[k].de < right)
                top = std::min(top, top_offset(k));
        }
        return top - kLevelGap * (level + 1);
    }

    std::size_t spine_index(std::size_t node) const {
        return static_cast<std::size_t>(graph_->spine_pos[node]);
    }

    void place_rows_vertically() {
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
            for (std::size_t i = 0; i < order.size(); ++i) {
                int l = 1;
                for (bool clash = true; clash;) {
                    clash = false;
                    for (std::size_t j = 0; j < i; ++j) {
                        const auto& p = extent[order[j]];
                        const auto& q = extent[order[i]];
                        if (lane[order[j]] == l && p.first < q.second && q.first < p.second) {
                            ++l;
                            clash = true;
                            break;
                        }
                    }
                }
                lane[order[i]] = l;
            }
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
                    reach[l] = std::max(reach[l], b.size.y + b.de + caption_below_height(b) +
                                                      caption_above_height(b));
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
            const double line = annotation_line_height();
            const auto [lo, hi] = repeat_extent(k);
            const double label_w = text_.measure(repeat_label(k), annotation_font()).advance;
            const double label_left = (lo + hi) / 2 - label_w / 2;
            label_line[k] = label_left < label_right[row] + o_.font_size ? 1 : 0;
            label_right[row] = label_left + label_w;
            bracket_offset_[k] = static_cast<double>(label_line[k]);
            rows_[row].bottom = std::max(rows_[row].bottom, rows_[row].bottom);
            (void)line;
        }
        std::vector<double> row_bottom_before(rows_.size());
        for (std::size_t r = 0; r < rows_.size(); ++r) row_bottom_before[r] = rows_[r].bottom;
        for (std::size_t k = 0; k < a.repeats.size(); ++k) {
            const std::size_t row = box_of(a.spine[a.repeats[k].first]).row;
            const double y = row_bottom_before[row] + kBracketDrop;
            const double extra =
                kBracketTick + 2 + annotation_line_height() * (1 + bracket_offset_[k]);
            bracket_offset_[k] =
                y + annotation_line_height() * bracket_offset_[k];  // bracket line y
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
    void make_room_for_groups() {
        std::vector<std::size_t> row_of_box;
        for (const DrawnBox& b : boxes_) row_of_box.push_back(b.row);
        groups_->place_in_rows(std::move(row_of_box));
        const LayerGroups::RowRoom room = groups_->room_by_row(rows_.size());
        for (std::size_t r = 0; r < rows_.size(); ++r) {
            rows_[r].top += room.above[r];
            rows_[r].bottom += room.below[r];
        }
    }

    // ---- Stages (--stages): runs of spine layers with one spatial size ----

    struct Stage {
        std::size_t first = 0, last = 0;  // spine boxes
        std::string label;
        double y = 0;  // bracket line, relative to the row's centre line
    };

    static std::string spatial_key(const Layer& layer) {
        if (!layer.shape_known || layer.shapes.empty() || layer.shapes.front().size() < 3)
            return "";
        std::string key;
        const Shape& shape = layer.shapes.front();
        for (std::size_t i = 1; i + 1 < shape.size(); ++i) {
            if (!key.empty()) key += "\u00d7";
            key += shape[i] == kUnknownDim ? std::string("?") : std::to_string(shape[i]);
        }
        return key;
    }

    static std::string name_prefix(const std::string& name) {
        const std::size_t cut = name.find('_');
        return cut == std::string::npos ? std::string() : name.substr(0, cut);
    }

    // Stages: where the spatial size changes along a row; a stage of one or two layers (a
    // padding, a pooling) joins no bracket. Labelled "conv3 · 28×28" when its layers share a
    // name prefix, and only when the label fits under the stage.
    void find_stages() {
        stages_.clear();
        std::size_t start = 0;
        for (std::size_t i = 1; i <= spine_boxes_; ++i) {
            const bool ends = i == spine_boxes_ || boxes_[i].row != boxes_[start].row ||
                              spatial_key(model_.layers[boxes_[i].layer]) !=
                                  spatial_key(model_.layers[boxes_[start].layer]);
            if (!ends) continue;
            const std::string key = spatial_key(model_.layers[boxes_[start].layer]);
            if (i - start >= 3 && !key.empty()) {
                std::string prefix = name_prefix(model_.layers[boxes_[start].layer].name);
                for (std::size_t k = start; k < i && !prefix.empty(); ++k) {
                    if (name_prefix(model_.layers[boxes_[k].layer].name) != prefix) prefix.clear();
                }
                stages_.push_back(
                    {start, i - 1, prefix.empty() ? key : prefix + " \u00b7 " + key, 0});
            }
            start = i;
        }
        for (Stage& st : stages_) {
            RowBand& row = rows_[boxes_[st.first].row];
            st.y = row.bottom + kBracketDrop;
        }
        for (Stage& st : stages_) {
            RowBand& row = rows_[boxes_[st.first].row];
            row.bottom = std::max(row.bottom, st.y + kBracketTick + 2 + annotation_line_height());
        }
    }

    void add_stage_brackets() {
        for (const Stage& st : stages_) {
            const DrawnBox& first = boxes_[st.first];
            const DrawnBox& last = boxes_[st.last];
            const double lo = layout_x1(first) - reversed() * first.de;
            const double hi = layout_x1(last) + last.size.z + right_reach(last);
            const double y = rows_[first.row].y + st.y;
            Group g;
            g.id = ids_.make(box_id(st.first) + "-stage");
            g.label = "stage " + st.label;
            g.role = Role::annotation;
            g.items.push_back(
                Polyline{"bracket",
                         {{lo, y - kBracketTick}, {lo, y}, {hi, y}, {hi, y - kBracketTick}},
                         o_.font_color,
                         1});
            const FontSpec font = annotation_font();
            const TextMetrics m = text_.measure(st.label, font);
            if (m.advance <= hi - lo) {
                const Point baseline{(lo + hi) / 2 - m.advance / 2,
                                     y + kBracketTick / 2 + m.ascent};
                g.items.push_back(
                    make_text_run(text_, font, st.label, baseline, m.advance, o_.font_color));
            }
            overlays_.push_back(std::move(g));
        }
    }

    std::vector<Stage> stages_;
    std::vector<std::vector<std::size_t>> unit_boxes_;    // per repeat
    std::vector<long> unit_of_box_;                       // per box, -1 outside any unit
    std::vector<std::vector<std::size_t>> branch_nodes_;  // visible nodes of each branch

    FontSpec annotation_font() const {
        return FontSpec{o_.font, std::max(o_.font_size, points_to_px(o_.min_font_size))};
    }
    double annotation_line_height() {
        const TextMetrics m = text_.measure("Ag", annotation_font());
        return m.ascent + m.descent + 2;
    }

    std::string repeat_label(std::size_t k) const {
        const graph::Repeat& r = graph_->repeats[k];
        return "\u00d7" + std::to_string(r.count) + "  " + r.scope;
    }

    std::pair<double, double> repeat_extent(std::size_t k) const {
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (std::size_t i : unit_boxes_[k]) {
            const DrawnBox& b = boxes_[i];
            const double x1 = layout_x1(b);
            lo = std::min(lo, x1 - reversed() * b.de);
            hi = std::max(hi, x1 + b.size.z + right_reach(b));
        }
        return {lo, hi};
    }

    // Whether a vertical line at x between y_a and y_b stays clear of the boxes near spine box
    // i in its row (the box itself excluded: the line starts on its outline).
    bool column_clear(std::size_t i, double x, double y_a, double y_b) const {
        constexpr std::size_t kReach = 12;  // boxes on each side that may overlap in depth
        const double lo_y = std::min(y_a, y_b) + 0.5, hi_y = std::max(y_a, y_b) - 0.5;
        const std::size_t first = i > kReach ? i - kReach : 0;
        const std::size_t last = std::min(spine_boxes_, i + kReach + 1);
        for (std::size_t k = first; k < last; ++k) {
            if (k == i || boxes_[k].row != boxes_[i].row) continue;
            const std::vector<Point> outline = silhouette(layout_box(boxes_[k]));
            double top = std::numeric_limits<double>::infinity(), bottom = -top;
            for (std::size_t e = 0; e < outline.size(); ++e) {
                const Point a = outline[e], b = outline[(e + 1) % outline.size()];
                if ((a.x - x) * (b.x - x) > 0 || a.x == b.x) continue;
                const double y = a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x);
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
            if (top < hi_y && bottom > lo_y) return false;
        }
        return true;
    }

    // The first x in [lo, hi], trying `fraction` first and then ever farther from it, at which
    // the leg from the outline point `at(x)` to height `far_y` is clear of other boxes.
    template <typename At>
    std::optional<Point> clear_port(std::size_t i, double lo, double hi, double fraction,
                                    double far_y, At at) const {
        constexpr int kSteps = 16;
        if (i >= spine_boxes_) return at(lo + fraction * (hi - lo));
        for (int d = 0; d <= kSteps; ++d) {
            for (int sign : {-1, 1}) {
                if (d == 0 && sign > 0) continue;
                const double f = fraction + sign * static_cast<double>(d) / kSteps;
                if (f < 0 || f > 1) continue;
                const Point p = at(lo + f * (hi - lo));
                if (column_clear(i, p.x, p.y, far_y)) return p;
            }
        }
        return std::nullopt;
    }

    // A point on the upper outline of box i from which a line can rise to far_y without
    // crossing it or its neighbours.
    Point top_port(std::size_t i, double fraction, double far_y) const {
        const DrawnBox& b = boxes_[i];
        const BoxPlacement p = layout_box(b);
        if (is_glyph(b)) {
            // Skips arriving (left) and leaving (right) meet a glyph apart from each other.
            const double r = (p.x2 - p.x1) / 2, dx = (fraction - 0.5) * 1.6 * r;
            return {p.x1 + r + dx, p.y1 + r - std::sqrt(r * r - dx * dx)};
        }
        const bool rev = o_.draw_reversed;
        const double lo = rev ? p.x1 - p.de : p.x1, hi = rev ? p.x2 : p.x2 + p.de;
        auto at = [&](double x) {
            // The top outline: the top face's slanted edge, then its back edge.
            const double rise = rev ? std::min(p.x2 - x, p.de) : std::min(x - p.x1, p.de);
            return Point{x, p.y1 - std::max(0.0, rise)};
        };
        if (auto port = clear_port(i, lo, hi, fraction, far_y, at)) return *port;
        return at(lo + fraction * (hi - lo));
    }

    // The end of a line rising from box i to far_y (`leaving`) or coming down into it: a point
    // of its top outline, or when a neighbour's outline covers all of it, a point in the gap
    // beside the box reached along the top line (right of the box when leaving, left when
    // arriving).
    std::vector<Point> top_leg(std::size_t i, double fraction, double far_y, bool leaving) const {
        const DrawnBox& b = boxes_[i];
        const BoxPlacement p = layout_box(b);
        if (is_glyph(b) || o_.draw_reversed) return {top_port(i, fraction, far_y)};
        const double lo = p.x1, hi = p.x2 + p.de;
        auto on_outline = [&](double x) {
            return Point{x, p.y1 - std::max(0.0, std::min(x - p.x1, p.de))};
        };
        if (auto port = clear_port(i, lo, hi, fraction, far_y, on_outline)) return {*port};
        if (b.on_spine) {
            if (leaving) {
                const bool has_next = i + 1 < spine_boxes_ && boxes_[i + 1].row == b.row;
                const double end = has_next ? layout_x1(boxes_[i + 1]) - 1 : hi + o_.spacing;
                auto at = [&](double x) { return Point{x, p.y1 - p.de}; };
                if (end > hi) {
                    if (auto port = clear_port(i, hi, end, 0.5, far_y, at))
                        return {{hi, p.y1 - p.de}, *port};
                }
            } else {
                const bool has_prev = i > 0 && boxes_[i - 1].row == b.row;
                const double start =
                    has_prev ? layout_box(boxes_[i - 1]).x2 + right_reach(boxes_[i - 1]) + 1
                             : lo - o_.spacing;
                auto at = [&](double x) { return Point{x, p.y1}; };
                if (start < lo) {
                    if (auto port = clear_port(i, start, lo, 0.5, far_y, at))
                        return {*port, {lo, p.y1}};
                }
            }
        }
        return {on_outline(lo + fraction * (hi - lo))};
    }

    // Where the carriage return into row r turns down towards the row's first layer.
    Point return_descent(std::size_t r) const {
        std::size_t i = 0;
        while (i + 1 < spine_boxes_ && boxes_[i].row != r) ++i;
        return {entry_port(i).x - kRowGap / 2, rows_[r - 1].y + rows_[r - 1].bottom + kRowGap / 2};
    }

    // The start of a line dropping from box i to far_y (or, reversed, its end): a point of its
    // front-bottom edge, or when every such point is hidden under a neighbour's outline, a point
    // on the bottom line extended into the gap beside the box, reached along that line.
    std::vector<Point> bottom_leg(std::size_t i, double fraction, double far_y) const {
        const DrawnBox& b = boxes_[i];
        const BoxPlacement p = layout_box(b);
        if (is_glyph(b)) return {{(p.x1 + p.x2) / 2, p.y2}};
        auto at = [&](double x) { return Point{x, p.y2}; };
        if (auto port = clear_port(i, p.x1, p.x2, fraction, far_y, at)) return {*port};
        const bool to_right = fraction >= 0.5;
        if (b.on_spine) {
            const bool has_next = i + 1 < spine_boxes_ && boxes_[i + 1].row == b.row;
            const bool has_prev = i > 0 && boxes_[i - 1].row == b.row;
            const double gap_end =
                to_right ? (has_next ? layout_x1(boxes_[i + 1]) - 1 : p.x2 + o_.spacing)
                         : (has_prev ? layout_box(boxes_[i - 1]).x2 + 1 : p.x1 - o_.spacing);
            const double lo = to_right ? p.x2 : std::min(gap_end, p.x1);
            const double hi = to_right ? std::max(gap_end, p.x2) : p.x1;
            if (auto port = clear_port(i, lo, hi, to_right ? 0.5 : 0.5, far_y, at)) {
                const Point corner{to_right ? p.x2 : p.x1, p.y2};
                return to_right ? std::vector<Point>{corner, *port}
                                : std::vector<Point>{*port, corner};
            }
        }
        return {at(p.x1 + fraction * (p.x2 - p.x1))};
    }

    // Where a line leaves box i to the right: the middle of its right outline.
    Point exit_port(std::size_t i) const {
        const DrawnBox& b = boxes_[i];
        const BoxPlacement p = layout_box(b);
        if (is_glyph(b)) return {p.x2, (p.y1 + p.y2) / 2};
        const double reach = right_reach(b);
        return {p.x2 + reach, (p.y1 + p.y2) / 2 - reach / 2};
    }

    // Where a line enters box i from the left: the middle of its front face's left edge.
    Point entry_port(std::size_t i) const {
        const BoxPlacement p = layout_box(boxes_[i]);
        return {p.x1, (p.y1 + p.y2) / 2};
    }

    Group connector_group(const std::string& id, std::string label, std::vector<Point> path,
                          Rgba color, Point tip, double dx, double dy) {
        Group g;
        g.id = ids_.make(id);
        g.label = std::move(label);
        g.role = Role::connector;
        const double width = std::max(o_.connector_width, 1.0);
        g.items.push_back(Polyline{"path", std::move(path), color, width});
        g.items.push_back(arrowhead(tip, dx, dy, kArrowSize, color));
        return g;
    }

    const std::string& name_of(std::size_t node) const {
        return model_.layers[graph_->dag.layer[node]].name;
    }

    std::size_t index_of(std::size_t node) const {
        return static_cast<std::size_t>(box_of_node_[node]);
    }

    void build_overlays() {
        const graph::Arrangement& a = *graph_;
        overlays_.clear();
        ghosts_.clear();
        // Skip connections above the row.
        for (std::size_t k = 0; k < a.skips.size(); ++k) {
            const graph::Skip& s = a.skips[k];
            const std::size_t from = index_of(s.from), to = index_of(s.to);
            const double y = rows_[boxes_[from].row].y + skip_offset_[k];
            std::vector<Point> path = top_leg(from, 0.75, y, true);
            const std::vector<Point> end = top_leg(to, 0.25, y, false);
            path.push_back({path.back().x, y});
            path.push_back({end.front().x, y});
            path.insert(path.end(), end.begin(), end.end());
            const Rgba color = s.copy ? kCopyColor : o_.connector_fill;
            const Point q = path.back();
            const bool sideways = end.size() > 1;
            overlays_.push_back(connector_group(
                box_id(from) + "-skip",
                (s.copy ? "copy from " : "skip from ") + name_of(s.from) + " to " + name_of(s.to),
                std::move(path), color, q, sideways ? 1 : 0, sideways ? 0 : 1));
        }
        for (std::size_t k = 0; k < a.buses.size(); ++k) {
            const graph::Bus& bus = a.buses[k];
            const Rgba color = bus.copy ? kCopyColor : o_.connector_fill;
            const double y = rows_[box_of(bus.sources.front()).row].y + bus_offset_[k];
            Group g;
            g.id = ids_.make(box_id(index_of(bus.sources.front())) + "-bus");
            g.label = "dense connections from " + name_of(bus.sources.front());
            g.role = Role::connector;
            double lo = std::numeric_limits<double>::infinity(), hi = -lo;
            const double width = std::max(o_.connector_width, 1.0);
            for (std::size_t v : bus.sources) {
                std::vector<Point> tap = top_leg(index_of(v), 0.75, y, true);
                tap.push_back({tap.back().x, y});
                lo = std::min(lo, tap.back().x);
                hi = std::max(hi, tap.back().x);
                g.items.push_back(Polyline{"tap", std::move(tap), color, width});
            }
            for (std::size_t v : bus.targets) {
                const std::vector<Point> end = top_leg(index_of(v), 0.25, y, false);
                std::vector<Point> tap{{end.front().x, y}};
                tap.insert(tap.end(), end.begin(), end.end());
                lo = std::min(lo, tap.front().x);
                hi = std::max(hi, tap.front().x);
                const bool sideways = end.size() > 1;
                g.items.push_back(Polyline{"tap", std::move(tap), color, width});
                g.items.push_back(
                    arrowhead(end.back(), sideways ? 1 : 0, sideways ? 0 : 1, kArrowSize, color));
            }
            g.items.insert(g.items.begin(), Polyline{"bus", {{lo, y}, {hi, y}}, color, width * 2});
            overlays_.push_back(std::move(g));
        }
        // Branches: from the fork down into the lane, from the lane up into the join.
        for (std::size_t i = spine_boxes_; i < boxes_.size(); ++i) {
            const DrawnBox& b = boxes_[i];
            const int ln = lane_[static_cast<std::size_t>(b.branch)];
            const double shift = 0.1 * std::min(ln - 1, 3);
            const std::vector<std::size_t> nodes =
                visible_nodes(static_cast<std::size_t>(b.branch));
            for (std::size_t u : a.dag.preds[b.node]) {
                if (!visible(u)) continue;
                const std::size_t ui = index_of(u);
                const Point q = entry_port(i);
                if (boxes_[ui].on_spine && boxes_[ui].row != b.row) {
                    // The fork ends the row above: the lane leaves the carriage return.
                    const Point r = return_descent(b.row);
                    overlays_.push_back(
                        connector_group(box_id(ui) + "-branch",
                                        "branch from " + name_of(u) + " to " + name_of(b.node),
                                        {r, {r.x, q.y}, q}, o_.connector_fill, q, 1, 0));
                } else if (boxes_[ui].on_spine) {
                    std::vector<Point> path = bottom_leg(ui, 0.75 - shift, q.y);
                    path.push_back({path.back().x, q.y});
                    path.push_back(q);
                    overlays_.push_back(
                        connector_group(box_id(ui) + "-branch",
                                        "branch from " + name_of(u) + " to " + name_of(b.node),
                                        std::move(path), o_.connector_fill, q, 1, 0));
                } else if (!consecutive_in_branch(nodes, u, b.node)) {
                    const Point p = exit_port(ui);
                    const double x = q.x - std::min(6.0, o_.spacing / 2);
                    overlays_.push_back(connector_group(
                        box_id(ui) + "-link", "link from " + name_of(u) + " to " + name_of(b.node),
                        {p, {x, p.y}, {x, q.y}, q}, o_.connector_fill, q, 1, 0));
                }
            }
            for (std::size_t w : a.dag.succs[b.node]) {
                if (!visible(w) || !boxes_[index_of(w)].on_spine) continue;
                const std::size_t wi = index_of(w);
                const Point p = exit_port(i);
                const std::vector<Point> leg = bottom_leg(wi, 0.25 + shift, p.y);
                std::vector<Point> path{p, {leg.front().x, p.y}};
                path.insert(path.end(), leg.begin(), leg.end());
                const Point q = leg.back();
                const double dx = leg.size() > 1 ? 1 : 0, dy = leg.size() > 1 ? 0 : -1;
                overlays_.push_back(connector_group(
                    box_id(i) + "-join", "join from " + name_of(b.node) + " to " + name_of(w),
                    std::move(path), o_.connector_fill, q, dx, dy));
            }
        }
        // Carriage returns between rows.
        for (std::size_t i = 1; i < spine_boxes_; ++i) {
            if (boxes_[i].row == boxes_[i - 1].row) continue;
            const std::size_t r = boxes_[i].row;
            const Point p = exit_port(i - 1);
            const Point q = entry_port(i);
            const double xa = p.x + kRowGap / 2;
            const auto [xb, ym] = return_descent(r);
            overlays_.push_back(connector_group(
                box_id(i) + "-row", "next row: " + name_of(boxes_[i].node),
                {p, {xa, p.y}, {xa, ym}, {xb, ym}, {xb, q.y}, q}, o_.connector_fill, q, 1, 0));
        }
        // ×N: ghost outlines behind the unit, a bracket and a label under it.
        for (std::size_t k = 0; k < a.repeats.size(); ++k) {
            const graph::Repeat& r = a.repeats[k];
            Group ghosts;
            ghosts.id = ids_.make(box_id(index_of(a.spine[r.first])) + "-repeat");
            ghosts.label = "repeated " + std::to_string(r.count) + " times: " + r.scope;
            ghosts.role = Role::repeat;
            for (int copy = 2; copy >= 1; --copy) {
                const double d = kGhostStep * copy;
                for (std::size_t i : unit_boxes_[k]) {
                    const DrawnBox& b = boxes_[i];
                    if (is_glyph(b)) continue;
                    Polygon outline{"ghost", silhouette(layout_box(b)), kGhostFill, kGhostStroke,
                                    1};
                    for (Point& pt : outline.points) {
                        pt.x += d;
                        pt.y -= d;
                    }
                    ghosts.items.push_back(std::move(outline));
                }
            }
            ghosts_.push_back(std::move(ghosts));
            const auto [lo, hi] = repeat_extent(k);
            const std::size_t row = box_of(a.spine[r.first]).row;
            const double y = rows_[row].y + bracket_offset_[k];
            Group bracket;
            bracket.id = ids_.make(box_id(index_of(a.spine[r.first])) + "-times");
            bracket.label = repeat_label(k);
            bracket.role = Role::annotation;
            bracket.items.push_back(
                Polyline{"bracket",
                         {{lo, y - kBracketTick}, {lo, y}, {hi, y}, {hi, y - kBracketTick}},
                         o_.font_color,
                         1});
            const FontSpec font = annotation_font();
            const std::string label = repeat_label(k);
            const TextMetrics m = text_.measure(label, font);
            const Point baseline{(lo + hi) / 2 - m.advance / 2, y + kBracketTick / 2 + m.ascent};
            bracket.items.push_back(
                make_text_run(text_, font, label, baseline, m.advance, o_.font_color));
            overlays_.push_back(std::move(bracket));
        }
        add_stage_brackets();
        extra_bounds_.clear();
        for (const auto* list : {&overlays_, &ghosts_}) {
            for (const Group& g : *list) {
                for (const Primitive& prim : g.items) extra_bounds_.push_back(bounds_of(prim));
            }
        }
    }

    static bool consecutive_in_branch(const std::vector<std::size_t>& nodes, std::size_t u,
                                      std::size_t v) {
        for (std::size_t k = 0; k + 1 < nodes.size(); ++k) {
            if (nodes[k] == u && nodes[k + 1] == v) return true;
        }
        return false;
    }

    Rect bounds_of(const Primitive& prim) {
        Rect r{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
               -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
        auto add = [&](double x, double y) {
            r.left = std::min(r.left, x);
            r.top = std::min(r.top, y);
            r.right = std::max(r.right, x);
            r.bottom = std::max(r.bottom, y);
        };
        if (const auto* p = std::get_if<Polygon>(&prim)) {
            for (const Point& q : p->points) add(q.x, q.y);
        } else if (const auto* l = std::get_if<Polyline>(&prim)) {
            for (const Point& q : l->points) add(q.x, q.y);
        } else if (const auto* t = std::get_if<TextRun>(&prim)) {
            const TextMetrics m = text_.measure(t->text, FontSpec{o_.font, t->font_size});
            add(t->x, t->y - m.ascent);
            add(t->x + std::max(m.advance, m.right), t->y + m.descent);
        }
        return r;
    }

    // A straight link into or out of a merge glyph, in place of a funnel.
    Group link_group(std::size_t ai, std::size_t bi) {
        Group g = funnel_group(bi, "-link");
        const Point p = exit_port(ai);
        const BoxPlacement q = placement(boxes_[bi]);
        const double dx = shift_, dy = margin_y_ + top_;
        double y = p.y + dy;
        if (!is_glyph(boxes_[bi])) y = std::clamp(y, q.y1, q.y2);
        g.items.push_back(line("link", {p.x + dx, p.y + dy}, {q.x1, y}));
        return g;
    }

    void emit_graph(Scene& scene) {
        const double dx = shift_, dy = margin_y_ + top_;
        for (Group& g : ghosts_) {
            for (Primitive& p : g.items) translate(p, dx, dy);
            scene.groups.push_back(std::move(g));
        }
        for (std::size_t i = 0; i < boxes_.size(); ++i) {
            const DrawnBox& b = boxes_[i];
            if (i > 0 && o_.draw_funnel) {
                std::optional<std::size_t> prev;
                if (b.on_spine && boxes_[i - 1].row == b.row) prev = i - 1;
                if (!b.on_spine) {
                    const std::vector<std::size_t> nodes =
                        visible_nodes(static_cast<std::size_t>(b.branch));
                    for (std::size_t k = 1; k < nodes.size(); ++k) {
                        if (nodes[k] == b.node &&
                            std::binary_search(graph_->dag.preds[b.node].begin(),
                                               graph_->dag.preds[b.node].end(), nodes[k - 1]))
                            prev = index_of(nodes[k - 1]);
                    }
                }
                if (prev) {
                    const bool glyph = is_glyph(boxes_[*prev]) || is_glyph(b);
                    scene.groups.push_back(glyph ? link_group(*prev, i) : normal_funnel(*prev, i));
                }
            }
            if (is_glyph(b)) {
                scene.groups.push_back(glyph_group(i));
            } else {
                scene.groups.push_back(box_group(i));
                if (b.merge == graph::MergeKind::concat) add_concat_splits(scene.groups.back(), b);
            }
            append_pictures(scene, i);
        }
        for (Group& g : overlays_) {
            for (Primitive& p : g.items) translate(p, dx, dy);
            scene.groups.push_back(std::move(g));
        }
    }

    Group glyph_group(std::size_t i) {
        Group g = box_group(i);
        const BoxPlacement p = placement(boxes_[i]);
        g.role = Role::merge;
        g.items =
            merge_glyph({(p.x1 + p.x2) / 2, (p.y1 + p.y2) / 2}, (p.x2 - p.x1) / 2,
                        boxes_[i].merge == graph::MergeKind::multiply, Rgba{255, 255, 255, 255},
                        boxes_[i].outline, std::max(o_.connector_width, 1.0));
        return g;
    }

    // The front face of a concatenation slab split by its inputs' channel counts.
    void add_concat_splits(Group& g, const DrawnBox& b) {
        std::vector<double> channels;
        for (const TensorRef& in : model_.layers[b.layer].inputs) {
            const Layer& from = model_.layers[in.layer];
            if (!from.shape_known || in.output >= from.shapes.size() ||
                from.shapes[in.output].empty())
                return;
            const Dim c = from.shapes[in.output].back();
            if (c <= 0) return;
            channels.push_back(static_cast<double>(c));
        }
        double total = 0;
        for (double c : channels) total += c;
        if (channels.size() < 2 || total <= 0) return;
        const BoxPlacement p = placement(b);
        double sum = 0;
        for (std::size_t k = 0; k + 1 < channels.size(); ++k) {
            sum += channels[k];
            const double y = p.y1 + (p.y2 - p.y1) * sum / total;
            g.items.push_back(Polyline{"split", {{p.x1, y}, {p.x2, y}}, b.outline, 1});
        }
    }

    // Which connector kinds the picture holds, for the legend.
    void append_connection_legend(Scene& scene) {
        if (!o_.legend) return;
        bool residual = false, copy = false;
        for (const graph::Skip& s : graph_->skips) (s.copy ? copy : residual) = true;
        for (const graph::Bus& b : graph_->buses) (b.copy ? copy : residual) = true;
        std::optional<Rgba> sum, product;  // outline colours of the glyphs drawn
        for (const DrawnBox& b : boxes_) {
            if (b.merge == graph::MergeKind::add && !sum) sum = b.outline;
            if (b.merge == graph::MergeKind::multiply && !product) product = b.outline;
        }
        if (!residual && !copy && !sum && !product) return;
        const FontSpec font = annotation_font();
        const double line_h = annotation_line_height() + 4;
        double y = scene.height;
        Group g;
        g.id = ids_.make("legend-connections");
        g.label = "legend of the connections";
        g.role = Role::legend;
        auto entry = [&](const std::string& text, Rgba color, int glyph = 0) {
            const TextMetrics m = text_.measure(text, font);
            const double mid = y + line_h / 2;
            if (glyph == 0) {
                g.items.push_back(Polyline{"sample",
                                           {{o_.padding, mid}, {o_.padding + 30, mid}},
                                           color,
                                           std::max(o_.connector_width, 1.0)});
            } else {
                for (Primitive& p :
                     merge_glyph({o_.padding + 15, mid}, std::min(6.0, line_h / 2 - 1), glyph == 2,
                                 Rgba{255, 255, 255, 255}, color, 1))
                    g.items.push_back(std::move(p));
            }
            g.items.push_back(make_text_run(
                text_, font, text, {o_.padding + 36, mid - (m.ascent + m.descent) / 2 + m.ascent},
                m.advance, o_.font_color));
            scene.width =
                std::max(scene.width, std::ceil(o_.padding + 36 + m.advance + o_.padding));
            y += line_h;
        };
        if (residual) entry("residual connection (sum)", o_.connector_fill);
        if (copy) entry("copy connection (concatenation)", kCopyColor);
        if (sum) entry("sum (Add)", *sum, 1);
        if (product) entry("product (Multiply)", *product, 2);
        scene.height = std::ceil(y + o_.padding);
        scene.groups.push_back(std::move(g));
    }

    std::vector<int> lane_;
    std::vector<double> skip_offset_, bus_offset_, bracket_offset_;

    // ---- Legend and layer groups (legend.hpp, layer_groups.hpp) ----

    std::vector<std::string> drawn_names() const {
        std::vector<std::string> names;
        for (const DrawnBox& b : boxes_) names.push_back(model_.layers[b.layer].name);
        return names;
    }

    // The boxes around the line y = 0 before the final shift, as the extents are computed.
    std::vector<BoxPlacement> layout_placements() const {
        std::vector<BoxPlacement> out;
        for (const DrawnBox& b : boxes_) {
            const double x1 = layout_x1(b), h = b.size.y + b.de;
            out.push_back(
                {x1, b.cy - h / 2 + b.de, x1 + b.size.z, b.cy + h / 2, b.de, o_.draw_reversed});
        }
        return out;
    }

    std::vector<BoxPlacement> placements() const {
        std::vector<BoxPlacement> out;
        for (const DrawnBox& b : boxes_) out.push_back(placement(b));
        return out;
    }

    // Each caption's block relative to its box's front face top-left corner.
    std::vector<std::optional<Rect>> caption_offsets() const {
        std::vector<std::optional<Rect>> offsets;
        for (const DrawnBox& b : boxes_) {
            if (!b.caption) {
                offsets.emplace_back();
                continue;
            }
            offsets.push_back(caption_block(b, 0, 0));
        }
        return offsets;
    }

    void extend_by_groups(double& min_x, double& max_x) {
        Rect bounds{min_x, -top_, max_x, bottom_};
        groups_->extend(layout_placements(), bounds);
        min_x = bounds.left;
        max_x = bounds.right;
        top_ = -bounds.top;
        bottom_ = bounds.bottom;
    }

    // Group rectangles are painted first but named after the boxes, so that a layer keeps its
    // id whether or not groups are drawn.
    void emit_group_rectangles(Scene& scene) {
        std::vector<Group> rectangles = groups_->rectangles(placements(), ids_);
        scene.groups.insert(scene.groups.begin(), std::make_move_iterator(rectangles.begin()),
                            std::make_move_iterator(rectangles.end()));
    }

    // The legend goes below the picture; group titles are painted after it (§3.7).
    void emit_legend_and_group_titles(Scene& scene) {
        std::vector<LegendLayer> drawn;
        for (const DrawnBox& b : boxes_) {
            // Merge glyphs are explained by the legend of the connections instead.
            if (!is_glyph(b)) drawn.push_back({&model_.layers[b.layer], b.fill, b.outline});
        }
        append_legend(scene, drawn, o_, text_, ids_);
        for (Group& title : groups_->titles(placements(), ids_))
            scene.groups.push_back(std::move(title));
    }

    // ---- Logos and face images (face_pictures.hpp) ----

    void append_pictures(Scene& scene, std::size_t i) {
        const DrawnBox& b = boxes_[i];
        pictures_.append_after_box(scene, model_.layers[b.layer], box_id(i), b.style, placement(b),
                                   ids_);
    }

    const Model& model_;
    const Options& o_;
    TextMeasurer& text_;
    Warnings& warnings_;
    std::vector<DrawnBox> boxes_;
    std::vector<std::string> box_ids_;
    IdMaker ids_;
    std::optional<LayerGroups> groups_;
    FacePictures pictures_{o_, warnings_};
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

}  // namespace

namespace {

// A figure built at one box size, with what the fitting needs to know about its rows.
struct Trial {
    Scene scene;
    Warnings warnings;
    double narrowest_row_share = 1;
};

Trial build_trial(const Model& model, const Options& options, TextMeasurer& text, double factor,
                  double limit) {
    Trial trial;
    Builder builder(model, options, text, trial.warnings, factor, limit);
    trial.scene = builder.build();
    trial.narrowest_row_share = builder.narrowest_row_share();
    return trial;
}

}  // namespace

Scene layered_view(const Model& model, const Options& options, TextMeasurer& text,
                   Warnings& warnings) {
    const double limit = options.width.empty() || options.compat_visualkeras
                             ? 0
                             : length_in_px(options.width, "width");
    // A figure fitted to a width should also stay wider than tall, with room on a page or a
    // slide (4:3) for the rest: wrapping alone would stack a long chain of large boxes
    // (VGG16) into a tower of rows.
    constexpr double kMostHeightPerWidth = 0.6;
    // Rows are worth their carriage returns only when each carries a fair share: a model whose
    // skips leave no break but near its ends (a U-Net) is better drawn smaller in one row
    // than as a few boxes, the row, and a few boxes.
    constexpr double kLeastRowShare = 0.25;
    const auto fits_width = [&](const Trial& t) { return t.scene.width <= limit; };
    const auto fits_both = [&](const Trial& t) {
        return t.scene.width <= limit && t.scene.height <= kMostHeightPerWidth * limit;
    };
    const auto balanced = [&](const Trial& t) {
        return fits_both(t) && t.narrowest_row_share >= kLeastRowShare;
    };
    Trial full = build_trial(model, options, text, 1, limit);
    if (limit <= 0 || balanced(full)) {
        warnings.insert(warnings.end(), full.warnings.begin(), full.warnings.end());
        return std::move(full.scene);
    }
    // Shrink the boxes (never the text), collapsed and wrapped anew at each size, to the
    // largest size that fits, with balanced rows if any size has them.
    std::optional<Trial> best;
    for (const auto& fits : {std::function<bool(const Trial&)>(balanced),
                             std::function<bool(const Trial&)>(fits_both)}) {
        if (fits(full)) {
            best = std::move(full);
            break;
        }
        double fitting = 0, too_big = 1;
        for (int step = 0; step < 14; ++step) {
            const double factor = step == 0 ? 0.02 : (fitting + too_big) / 2;
            Trial trial = build_trial(model, options, text, factor, limit);
            if (fits(trial)) {
                fitting = factor;
                best = std::move(trial);
            } else {
                too_big = factor;
                if (step == 0) break;
            }
        }
        if (best) break;
    }
    // No size is short enough (the gaps and the text take the room): the shortest figure
    // that fits the width, with balanced rows if any size has them.
    if (!best) {
        const auto better = [&](const Trial& t) {
            if (!best) return true;
            const bool fair = t.narrowest_row_share >= kLeastRowShare;
            const bool best_fair = best->narrowest_row_share >= kLeastRowShare;
            if (fair != best_fair) return fair;
            return t.scene.height < best->scene.height;
        };
        for (const double factor : {1.0, 0.7, 0.5, 0.35, 0.25, 0.15, 0.1, 0.05, 0.02}) {
            Trial trial =
                factor == 1.0 ? std::move(full) : build_trial(model, options, text, factor, limit);
            if (fits_width(trial) && better(trial)) best = std::move(trial);
        }
    }
    if (!best) {
        warnings.push_back({"width", "the figure cannot be made as narrow as " + options.width +
                                         " without text smaller than min_font_size"});
        return build_trial(model, options, text, 0.02, limit).scene;
    }
    warnings.insert(warnings.end(), best->warnings.begin(), best->warnings.end());
    return std::move(best->scene);
}

}  // namespace strata::layout
