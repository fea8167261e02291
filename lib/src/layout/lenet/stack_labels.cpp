#include "layout/lenet/stack_labels.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>

#include "layout/decorations/caption_breaks.hpp"
#include "layout/decorations/captions.hpp"

namespace strata::layout {
namespace {

// Pillow's `spacing` between the lines of visualkeras' multiline labels.
constexpr double kLineSpacing = 2;

// Measures `label.text` line by line into its lines, advance and height.
void measure_lines(StackLabel& label, bool compat, TextMeasurer& measurer) {
    label.lines = caption_text_lines(label.text);
    label.advance = 0;
    label.pitch = measurer.measure("A", label.font).bottom + kLineSpacing;
    double summed = 0, last = 0;
    for (const std::string& line : label.lines) {
        const TextMetrics m = measurer.measure(line, label.font);
        label.advance = std::max(label.advance, m.advance);
        label.ascent = m.ascent;
        last = m.ascent + m.descent;
        summed += last;
    }
    const double gaps = static_cast<double>(label.lines.size() - 1);
    label.height = compat ? summed + kLineSpacing * gaps : label.pitch * gaps + last;
}

StackLabel measured(std::string text, const FeatureStack& s, bool compat, TextMeasurer& measurer) {
    StackLabel label;
    label.font = s.style.font;
    label.color = s.style.font_color;
    label.text = std::move(text);
    measure_lines(label, compat, measurer);
    const Rect b = s.bounds();
    label.center_x = (b.x1 + b.x2) / 2;
    return label;
}

void shorten(StackLabel& label, std::string short_text, TextMeasurer& measurer) {
    if (short_text.empty() || label.lines.size() > 1) return;
    label.short_advance = measurer.measure(short_text, label.font).advance;
    label.short_text = std::move(short_text);
}

// The label of a stack: the layer's own text (top_labels, bottom_labels) or the built-in choice.
std::string label_text(StackLabelText choice, const std::map<std::string, std::string>& own,
                       const Layer& layer, const RenderShape& shape, std::string_view times) {
    if (auto it = own.find(layer.name); it != own.end()) return it->second;
    switch (choice) {
        case StackLabelText::type:
            return layer.type;
        case StackLabelText::size:
            return size_label(shape);
        case StackLabelText::name:
            return layer.name;
        case StackLabelText::shape:
            return shape_text(layer, times);
        case StackLabelText::none:
            break;
    }
    return "";
}

}  // namespace

std::string short_size_label(const RenderShape& shape) {
    if (!shape.spatial || shape.h != shape.w) return "";
    return std::to_string(shape.c) + "@" + std::to_string(shape.h) + "\u00b2";
}

std::string size_label(const RenderShape& shape) {
    if (!shape.spatial) return std::to_string(shape.c);
    return std::to_string(shape.c) + "@" + std::to_string(shape.h) + "\u00d7" +
           std::to_string(shape.w);
}

namespace {

// The most lines of labels one side takes before it is thinned.
constexpr std::size_t kMostLines = 2;

std::vector<StackLabel*> side_of(std::vector<StackLabels>& labels, bool top) {
    std::vector<StackLabel*> side;
    for (StackLabels& l : labels) {
        if (auto& label = top ? l.top : l.bottom) side.push_back(&*label);
    }
    return side;
}

// The fewest lines that keep every label clear of the next on its line, the labels taking the
// lines in turn.
std::size_t lines_needed(const std::vector<StackLabel*>& side) {
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
    return lines;
}

void thin_crowded(std::vector<StackLabels>& labels, bool top) {
    const auto crowded = [&] { return lines_needed(side_of(labels, top)) > kMostLines; };
    if (!crowded()) return;
    for (StackLabel* label : side_of(labels, top)) {
        if (label->short_text.empty()) continue;
        label->text = label->short_text;
        label->lines = {label->short_text};
        label->advance = label->short_advance;
    }
    if (!crowded()) return;
    std::string previous;
    for (StackLabels& l : labels) {
        auto& label = top ? l.top : l.bottom;
        if (!label) continue;
        if (label->text == previous) {
            label.reset();
            continue;
        }
        previous = label->text;
    }
    if (!top || !crowded()) return;
    for (StackLabels& l : labels) l.top.reset();
}

}  // namespace

namespace {

// Each label's line on its side, the labels taking the lines in turn; when even kMostLines
// lines taken in turn leave neighbours touching (a long model in a column: ResNet-50 has some
// 170 stacks), each label takes the first line it is clear on and is left out where it is
// clear on none, and so is one that says what the last label kept said. The figure keeps a
// size every few stacks instead of a staircase many lines deep.
std::vector<std::optional<std::size_t>> lines_of(const std::vector<StackLabel*>& side) {
    std::vector<std::optional<std::size_t>> line(side.size());
    const std::size_t lines = lines_needed(side);
    if (lines <= kMostLines) {
        for (std::size_t i = 0; i < side.size(); ++i) line[i] = i % lines;
        return line;
    }
    std::vector<const StackLabel*> last(kMostLines, nullptr);
    const StackLabel* kept = nullptr;
    for (std::size_t i = 0; i < side.size(); ++i) {
        const StackLabel& b = *side[i];
        if (kept && kept->text == b.text) continue;
        for (std::size_t l = 0; l < kMostLines; ++l) {
            const StackLabel* a = last[l];
            if (a && a->box().x2 + a->height * 0.4 > b.box().x1) continue;
            line[i] = l;
            last[l] = kept = &b;
            break;
        }
    }
    return line;
}

}  // namespace

void keep_labels_apart(std::vector<StackLabels>& labels) {
    for (bool top : {true, false}) {
        thin_crowded(labels, top);
        const std::vector<StackLabel*> side = side_of(labels, top);
        if (side.empty()) continue;
        // The row nearest the stacks that clears every stack: above the tallest, below the
        // lowest; labels above stand on it, labels below hang from it, however many lines
        // they have.
        const auto near_edge = [top](const StackLabel* l) {
            return top ? l->top + l->height : l->top;
        };
        double row = near_edge(side.front()), tallest = 0;
        for (const StackLabel* label : side) {
            row = top ? std::min(row, near_edge(label)) : std::max(row, near_edge(label));
            tallest = std::max(tallest, label->height);
        }
        // A regular staircase the eye follows from stack to stack, its steps the tallest label.
        const std::vector<std::optional<std::size_t>> line = lines_of(side);
        for (std::size_t i = 0; i < side.size(); ++i) {
            if (!line[i]) continue;
            const double step = tallest * 1.15 * static_cast<double>(*line[i]);
            side[i]->top = top ? row - side[i]->height - step : row + step;
        }
        // Labels left out go last, once no pointer into the side is read; the side lists
        // the labels in the stacks' order.
        std::size_t at = 0;
        for (StackLabels& l : labels) {
            auto& label = top ? l.top : l.bottom;
            if (label && !line[at++]) label.reset();
        }
    }
}

std::vector<StackLabels> stack_labels(const Model& model, const std::vector<FeatureStack>& stacks,
                                      const Options& o, TextMeasurer& text) {
    std::vector<StackLabels> labels(stacks.size());
    // visualkeras reads the paddings with int().
    const double top_padding =
        o.compat_visualkeras ? std::trunc(o.top_label_padding) : o.top_label_padding;
    const double bottom_padding =
        o.compat_visualkeras ? std::trunc(o.bottom_label_padding) : o.bottom_label_padding;
    for (std::size_t i = 0; i < stacks.size(); ++i) {
        const FeatureStack& s = stacks[i];
        const Layer& layer = model.layers[s.layer];
        if (o.bottom_label) {
            std::string said = label_text(o.bottom_label_callable, o.bottom_labels, layer, s.shape,
                                          reader_times(o));
            if (!said.empty()) {
                const bool sized = said == size_label(s.shape);
                StackLabel label = measured(std::move(said), s, o.compat_visualkeras, text);
                if (sized) shorten(label, short_size_label(s.shape), text);
                label.top = s.y + s.height + bottom_padding;
                labels[i].bottom = std::move(label);
            }
        }
        if (o.top_label) {
            std::string said =
                label_text(o.top_label_callable, o.top_labels, layer, s.shape, reader_times(o));
            if (!said.empty()) {
                const bool sized = said == size_label(s.shape);
                StackLabel label = measured(std::move(said), s, o.compat_visualkeras, text);
                if (sized) shorten(label, short_size_label(s.shape), text);
                label.top = s.y - s.offset() - top_padding - label.height;
                labels[i].top = std::move(label);
            }
        }
    }
    return labels;
}

}  // namespace strata::layout
