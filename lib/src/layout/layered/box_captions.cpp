#include "layout/layered/box_captions.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "layout/decorations/captions.hpp"
#include "strata/error.hpp"

namespace strata::layout {
namespace {

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

std::optional<Caption> measure_caption(const Layer& layer, std::size_t box_index,
                                       const LayerStyle& style, const Options& o,
                                       TextMeasurer& text, TextBudget& budget) {
    std::optional<std::string> words = caption_for(layer, box_index, o, budget);
    if (!words) return std::nullopt;
    Caption caption;
    caption.lines = split_lines(*words);
    budget.charge_lines(caption.lines.size());  // before each line is measured and placed
    caption.above = caption_above(box_index, o);
    const FontSpec& font = style.font;
    caption.pitch = text.measure("A", font).bottom + style.text_vspacing;
    double drawn_height = 0, summed_height = 0;
    for (std::size_t j = 0; j < caption.lines.size(); ++j) {
        TextMetrics m = text.measure(caption.lines[j], font);
        caption.width = std::max(caption.width, m.right);
        summed_height += m.bottom;
        drawn_height = std::max(drawn_height, static_cast<double>(j) * caption.pitch + m.bottom);
        caption.metrics.push_back(m);
    }
    // visualkeras reserves the sum of the line heights but draws at a fixed pitch, so a
    // block can outgrow its space; strata reserves what it draws.
    caption.height =
        o.compat_visualkeras
            ? summed_height + static_cast<double>(caption.lines.size() - 1) * style.text_vspacing
            : drawn_height;
    return caption;
}

void measure_captions(std::vector<DrawnBox>& boxes, const Model& model, const Options& options,
                      TextMeasurer& text, TextBudget& budget) {
    try {
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            DrawnBox& box = boxes[i];
            box.caption =
                measure_caption(model.layers[box.layer], i, box.style, options, text, budget);
        }
    } catch (const TextBudgetExceeded&) {
        throw;
    } catch (const Error& e) {
        if (!e.file().empty()) throw;
        throw Error("font", e.line(), e.column(), e.message());
    }
}

}  // namespace strata::layout
