// Stages (--stages): runs of spine layers with one spatial size, bracketed under their row.

#include "layout/layered/layered_builder.hpp"

#include <algorithm>
#include <string>

#include "layout/decorations/text_run.hpp"
#include "layout/graph/short_labels.hpp"
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

}  // namespace

// Stages: where the spatial size changes along a row; a stage of one or two layers (a
// padding, a pooling) joins no bracket. Labelled "conv3 · 28×28" when its layers share a
// name prefix, and only when the label fits under the stage.
void LayeredBuilder::find_stages() {
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
            stages_.push_back({start, i - 1,
                               graph::short_label(prefix.empty() ? key : prefix + " \u00b7 " + key),
                               0});
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

void LayeredBuilder::add_stage_brackets() {
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
        g.items.push_back(bracket_line(lo, hi, y));
        const FontSpec font = annotation_font();
        const TextMetrics m = text_.measure(st.label, font);
        if (m.advance <= hi - lo) {
            const Point baseline{(lo + hi) / 2 - m.advance / 2, y + kBracketTick / 2 + m.ascent};
            g.items.push_back(make_text_run(text_, font, st.label, baseline, m.advance,
                                            o_.font_color, TextAnchor::middle));
        }
        overlays_.push_back(std::move(g));
    }
}

}  // namespace strata::layout
