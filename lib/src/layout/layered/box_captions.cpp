#include "layout/layered/box_captions.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/decorations/caption_breaks.hpp"
#include "layout/decorations/captions.hpp"
#include "strata/error.hpp"

namespace strata::layout {
namespace {

// How wide a caption may be before it breaks, when the figure has a width to fit: the room its
// box takes in the row (front face, depth and the gap after it), so that captions do not push
// boxes apart, but at least five ems, so that short names stay whole.
double caption_wrap_width(const DrawnBox& box) {
    constexpr double kLeastEms = 5;
    return std::max(box.size.z + box.de + box.style.spacing, kLeastEms * box.style.font.size);
}

// The lines of `words`, each broken where a name may break when wider than `wrap_width`.
std::vector<std::string> caption_lines(const std::string& words, double wrap_width,
                                       const FontSpec& font, TextMeasurer& text) {
    std::vector<std::string> lines = caption_text_lines(words);
    if (wrap_width <= 0) return lines;
    const auto advance = [&](std::string_view piece) {
        return text.measure(std::string(piece), font).advance;
    };
    std::vector<std::string> broken;
    for (const std::string& line : lines) {
        std::vector<std::string> parts = broken_caption_line(line, wrap_width, advance);
        broken.insert(broken.end(), parts.begin(), parts.end());
    }
    return broken;
}

// The captions' shared container, as "features." in DenseNet's "features.denseblock1" and
// "features.transition1.conv": the longest prefix ending at a '.' that begins every dotted
// name captioned by the model's own names, when two or more are. Written once per box it
// takes a caption line of its own in a narrow figure and tells nothing, so a figure fitted to
// a width drops it. Empty when there is none, or when a caption is set by the options.
std::string shared_name_prefix(const std::vector<DrawnBox>& boxes, const Model& model,
                               const Options& options) {
    if (!options.caption.empty() || options.text_callable == TextCallable::none) return {};
    std::optional<std::string> prefix;
    std::size_t dotted = 0;
    for (const DrawnBox& box : boxes) {
        const std::string& name = model.layers[box.layer].name;
        if (options.captions.count(name) > 0) continue;
        const std::size_t dot = name.rfind('.');
        if (dot == std::string::npos) continue;
        ++dotted;
        if (!prefix) prefix = name.substr(0, dot + 1);
        std::size_t same = 0;
        while (same < prefix->size() && same < name.size() && (*prefix)[same] == name[same]) ++same;
        const std::size_t end = prefix->rfind('.', same == 0 ? 0 : same - 1);
        *prefix = end == std::string::npos || same == 0 ? "" : prefix->substr(0, end + 1);
        if (prefix->empty()) return {};
    }
    return dotted >= 2 && prefix ? *prefix : std::string();
}

}  // namespace

std::optional<Caption> measure_caption(const Layer& layer, std::size_t box_index,
                                       const LayerStyle& style, const Options& o,
                                       TextMeasurer& text, TextBudget& budget, double wrap_width,
                                       std::string_view drop_prefix) {
    std::optional<std::string> words = caption_for(layer, box_index, o, budget);
    if (!words) return std::nullopt;
    if (!drop_prefix.empty() && o.captions.count(layer.name) == 0 &&
        words->size() > drop_prefix.size() && words->starts_with(drop_prefix))
        words->erase(0, drop_prefix.size());
    Caption caption;
    const FontSpec& font = style.font;
    caption.lines = caption_lines(*words, wrap_width, font, text);
    budget.charge_lines(caption.lines.size());  // before each line is measured and placed
    caption.above = caption_above(layer, box_index, o);
    // Clear of the box's outline (1 px wide) by a little more than half of it.
    if (!o.compat_visualkeras) caption.lead = std::max(1.0, 0.2 * font.size);
    caption.pitch = text.measure("A", font).bottom + style.text_vspacing;
    double drawn_height = 0, summed_height = 0;
    for (std::size_t j = 0; j < caption.lines.size(); ++j) {
        TextMetrics m = text.measure(caption.lines[j], font);
        caption.width = std::max(caption.width, m.right);
        summed_height += m.bottom;
        // A line takes its font's ascent and descent, whatever its letters: a caption above
        // a box ends clear of it even when its last line has no descender.
        const double line =
            o.compat_visualkeras ? m.bottom : std::max(m.bottom, m.ascent + m.descent);
        drawn_height = std::max(drawn_height, static_cast<double>(j) * caption.pitch + line);
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
                      TextMeasurer& text, TextBudget& budget, double width_limit) {
    const bool wrap = width_limit > 0 && !options.compat_visualkeras;
    const std::string prefix = wrap ? shared_name_prefix(boxes, model, options) : std::string();
    try {
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            DrawnBox& box = boxes[i];
            box.caption = measure_caption(model.layers[box.layer], i, box.style, options, text,
                                          budget, wrap ? caption_wrap_width(box) : 0, prefix);
        }
    } catch (const TextBudgetExceeded&) {
        throw;
    } catch (const Error& e) {
        if (!e.file().empty()) throw;
        throw Error("font", e.line(), e.column(), e.message());
    }
}

}  // namespace strata::layout
