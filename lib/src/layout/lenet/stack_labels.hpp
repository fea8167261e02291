#pragma once

#include <optional>
#include <string>
#include <vector>

#include "layout/lenet/feature_stacks.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

// One label of a stack: its text, centred on the stack; `top` is the top of its first line
// (the ascender line). A text with '\n' is drawn as several lines, each centred, `pitch` apart
// (Pillow's multiline text: the height of "A" and 2 px); `height` is the last line's ascent
// plus descent below the first line's top (compat_visualkeras: each line's height and 2 px
// between them, as visualkeras measures it).
struct StackLabel {
    std::string text;
    std::vector<std::string> lines;
    FontSpec font;
    Rgba color;
    double center_x = 0, top = 0;
    double advance = 0, height = 0, ascent = 0, pitch = 0;
    // A shorter text that says the same ("64@56²" for "64@56×56"), and its advance; empty when
    // there is none.
    std::string short_text;
    double short_advance = 0;
    Rect box() const { return {center_x - advance / 2, top, center_x + advance / 2, top + height}; }
};

// A label above each stack and one below it, `top_label_padding` and `bottom_label_padding`
// away, as top_label and bottom_label ask: the layer's own text in top_labels / bottom_labels,
// else what top_label_callable / bottom_label_callable name (by default the class above and the
// size below: "C@H×W" for maps, "C" for a vector); an empty text is no label.
struct StackLabels {
    std::optional<StackLabel> top, bottom;
};
std::vector<StackLabels> stack_labels(const Model& model, const std::vector<FeatureStack>& stacks,
                                      const Options& options, TextMeasurer& text);

// Labels in rows clear of every stack and of each other: the top labels on one line above the
// tallest stack, the bottom labels on one below the lowest; when neighbours would touch, on as
// few lines as keep them apart, taken in turn. visualkeras sets each label against its own stack,
// where neighbours overlap once the stacks are narrower than their labels (a long model fitted to
// a width); compat_visualkeras keeps that. A side that would need more than two lines is
// crowded, and is thinned until it is not, in this order: its short texts ("64@56²"), then no
// label that repeats the one before it on its side (a block of like convolutions is labelled
// once), then, above the stacks, no labels at all: the size below says the most.
void keep_labels_apart(std::vector<StackLabels>& labels);

// The bottom label's text of a stack: channels@height×width, or the units of a vector.
std::string size_label(const RenderShape& shape);
// Its shorter form for square maps, "C@H²"; empty for any other.
std::string short_size_label(const RenderShape& shape);

}  // namespace strata::layout
