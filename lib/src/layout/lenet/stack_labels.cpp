#include "layout/lenet/stack_labels.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>

namespace strata::layout {
namespace {

StackLabel measured(std::string text, const FeatureStack& s, TextMeasurer& measurer) {
    StackLabel label;
    label.font = s.style.font;
    label.color = s.style.font_color;
    const TextMetrics m = measurer.measure(text, label.font);
    label.text = std::move(text);
    label.advance = m.advance;
    label.ascent = m.ascent;
    label.height = m.ascent + m.descent;
    const Rect b = s.bounds();
    label.center_x = (b.x1 + b.x2) / 2;
    return label;
}

}  // namespace

std::string size_label(const RenderShape& shape) {
    if (!shape.spatial) return std::to_string(shape.c);
    return std::to_string(shape.c) + "@" + std::to_string(shape.h) + "\u00d7" +
           std::to_string(shape.w);
}

void keep_labels_apart(std::vector<StackLabels>& labels) {
    for (bool top : {true, false}) {
        // The row nearest the stacks that clears every stack: above the tallest, below the
        // lowest.
        std::optional<double> row;
        for (StackLabels& l : labels) {
            const auto& label = top ? l.top : l.bottom;
            if (label)
                row = !row  ? label->top
                      : top ? std::min(*row, label->top)
                            : std::max(*row, label->top);
        }
        std::vector<double> right_ends;  // of each line of labels, nearest the stacks first
        for (StackLabels& l : labels) {
            auto& label = top ? l.top : l.bottom;
            if (!label) continue;
            const Rect box = label->box();
            const double gap = label->height * 0.4;
            std::size_t line = 0;
            while (line < right_ends.size() && right_ends[line] + gap > box.x1) ++line;
            if (line == right_ends.size()) right_ends.push_back(box.x2);
            right_ends[line] = box.x2;
            const double step = label->height * 1.15;
            label->top = *row + (top ? -step : step) * static_cast<double>(line);
        }
    }
}

std::vector<StackLabels> stack_labels(const Model& model, const std::vector<FeatureStack>& stacks,
                                      const Options& o, TextMeasurer& text) {
    std::vector<StackLabels> labels(stacks.size());
    for (std::size_t i = 0; i < stacks.size(); ++i) {
        const FeatureStack& s = stacks[i];
        if (o.bottom_label) {
            StackLabel label = measured(size_label(s.shape), s, text);
            label.top = s.y + s.height + o.bottom_label_padding;
            labels[i].bottom = std::move(label);
        }
        if (o.top_label && !model.layers[s.layer].type.empty()) {
            StackLabel label = measured(model.layers[s.layer].type, s, text);
            label.top = s.y - s.offset() - o.top_label_padding - label.height;
            labels[i].top = std::move(label);
        }
    }
    return labels;
}

}  // namespace strata::layout
