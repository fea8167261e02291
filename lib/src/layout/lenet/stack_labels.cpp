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
        std::vector<StackLabel*> side;
        for (StackLabels& l : labels) {
            if (auto& label = top ? l.top : l.bottom) side.push_back(&*label);
        }
        if (side.empty()) continue;
        // The row nearest the stacks that clears every stack: above the tallest, below the
        // lowest.
        double row = side.front()->top;
        for (const StackLabel* label : side)
            row = top ? std::min(row, label->top) : std::max(row, label->top);
        // The fewest lines that keep every label clear of the next on its line, the labels
        // taking the lines in turn: a regular staircase the eye follows from stack to stack.
        const auto clear_with = [&](std::size_t lines) {
            for (std::size_t i = 0; i + lines < side.size(); ++i) {
                const StackLabel& a = *side[i];
                const StackLabel& b = *side[i + lines];
                if (a.box().x2 + a.height * 0.4 > b.box().x1) return false;
            }
            return true;
        };
        std::size_t lines = 1;
        while (lines < side.size() && !clear_with(lines)) ++lines;
        for (std::size_t i = 0; i < side.size(); ++i) {
            const double step = side[i]->height * 1.15 * static_cast<double>(i % lines);
            side[i]->top = row + (top ? -step : step);
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
