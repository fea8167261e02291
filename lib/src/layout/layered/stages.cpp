#include "layout/layered/stages.hpp"

#include <algorithm>

#include "layout/decorations/text_run.hpp"
#include "layout/graph/short_labels.hpp"
#include "layout/layered/annotation_marks.hpp"
#include "layout/layered/channels_last.hpp"

namespace strata::layout {
namespace {

std::string spatial_key(const Layer& layer) {
    if (!layer.shape_known || layer.shapes.empty() || layer.shapes.front().size() < 3) return "";
    std::string key;
    const Shape shape = channels_last(layer, layer.shapes.front());
    for (std::size_t i = 1; i + 1 < shape.size(); ++i) {
        if (!key.empty()) key += "\u00d7";
        key += shape[i] == kUnknownDim ? std::string("?") : std::to_string(shape[i]);
    }
    return key;
}

// "conv3" of Keras' "conv3_block1_1_conv", "layer2" of a module path "layer2.0.conv1".
std::string name_prefix(const std::string& name) {
    const std::size_t cut = name.find_first_of("_.");
    return cut == std::string::npos ? std::string() : name.substr(0, cut);
}

// Where a stage's bracket runs: from the first box's front to the last box's back, at the
// height the stage was given in its row. One place for the bracket and the room it takes.
struct BracketSpan {
    double lo, hi, y;
};

BracketSpan bracket_span(const Stage& st, const std::vector<DrawnBox>& boxes,
                         const std::vector<RowBand>& rows, BoxFrame frame) {
    const DrawnBox& first = boxes[st.first];
    const DrawnBox& last = boxes[st.last];
    return {front_left(first, frame) - reversed_share(frame) * first.de,
            front_left(last, frame) + last.size.z + right_reach(last, frame),
            rows[first.row].y + st.y};
}

}  // namespace

std::string stage_label(const Model& model, const std::vector<DrawnBox>& boxes, std::size_t first,
                        std::size_t last) {
    const std::string key = spatial_key(model.layers[boxes[first].layer]);
    std::string prefix = name_prefix(model.layers[boxes[first].layer].name);
    for (std::size_t k = first; k <= last && !prefix.empty(); ++k) {
        if (name_prefix(model.layers[boxes[k].layer].name) != prefix) prefix.clear();
    }
    return graph::short_label(prefix.empty() ? key : prefix + " \u00b7 " + key);
}

std::vector<Stage> find_stages(const Model& model, const std::vector<DrawnBox>& boxes,
                               std::size_t spine_boxes, std::vector<RowBand>& rows,
                               const Options& options, TextMeasurer& text) {
    std::vector<Stage> stages;
    std::size_t start = 0;
    for (std::size_t i = 1; i <= spine_boxes; ++i) {
        const bool ends = i == spine_boxes || boxes[i].row != boxes[start].row ||
                          spatial_key(model.layers[boxes[i].layer]) !=
                              spatial_key(model.layers[boxes[start].layer]);
        if (!ends) continue;
        if (i - start >= 3 && !spatial_key(model.layers[boxes[start].layer]).empty())
            stages.push_back({start, i - 1, stage_label(model, boxes, start, i - 1), 0});
        start = i;
    }
    for (Stage& st : stages) st.y = rows[boxes[st.first].row].bottom + kBracketDrop;
    const double line_height = annotation_line_height(text, options);
    for (const Stage& st : stages) {
        RowBand& row = rows[boxes[st.first].row];
        row.bottom = std::max(row.bottom, st.y + kBracketTick + 2 + line_height);
    }
    return stages;
}

std::vector<Group> stage_brackets(const std::vector<Stage>& stages,
                                  const std::vector<DrawnBox>& boxes,
                                  const std::vector<RowBand>& rows,
                                  const std::vector<std::string>& box_ids, BoxFrame frame,
                                  const Options& options, TextMeasurer& text, IdMaker& ids) {
    std::vector<Group> groups;
    for (const Stage& st : stages) {
        const auto [lo, hi, y] = bracket_span(st, boxes, rows, frame);
        Group g;
        g.id = ids.make(box_ids[st.first] + "-stage");
        g.label = "stage " + st.label;
        g.role = Role::annotation;
        g.items.push_back(bracket_line(lo, hi, y, options));
        const FontSpec font = annotation_font(options);
        const TextMetrics m = text.measure(st.label, font);
        if (m.advance <= hi - lo) {
            const Point baseline{(lo + hi) / 2 - m.advance / 2, y + kBracketTick / 2 + m.ascent};
            g.items.push_back(make_text_run(text, font, st.label, baseline, m.advance,
                                            options.font_color, TextAnchor::middle));
        }
        groups.push_back(std::move(g));
    }
    return groups;
}

void add_stage_reaches(const std::vector<Stage>& stages, const std::vector<DrawnBox>& boxes,
                       const std::vector<RowBand>& rows, BoxFrame frame, const Options& options,
                       TextMeasurer& text, std::vector<std::optional<Rect>>& reaches) {
    const FontSpec font = annotation_font(options);
    for (const Stage& st : stages) {
        const auto [lo, hi, y] = bracket_span(st, boxes, rows, frame);
        const TextMetrics m = text.measure(st.label, font);
        const double bottom =
            y + kBracketTick / 2 + (m.advance <= hi - lo ? m.ascent + m.descent : 0);
        for (std::size_t i = st.first; i <= st.last && i < reaches.size(); ++i) {
            const BoxPlacement p = layout_box(boxes[i], frame);
            const Rect bracket{lo - p.x1, y - kBracketTick / 2 - p.y1, hi - p.x1, bottom - p.y1};
            std::optional<Rect>& r = reaches[i];
            if (!r) {
                r = bracket;
                continue;
            }
            r->left = std::min(r->left, bracket.left);
            r->top = std::min(r->top, bracket.top);
            r->right = std::max(r->right, bracket.right);
            r->bottom = std::max(r->bottom, bracket.bottom);
        }
    }
}

}  // namespace strata::layout
