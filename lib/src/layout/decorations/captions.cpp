#include "layout/decorations/captions.hpp"

#include <algorithm>
#include <string_view>

#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/printable.hpp"
#include "style/caption_template.hpp"

namespace strata::layout {

namespace {

std::string dims_text(const Shape& shape, std::string_view times) {
    if (shape.size() <= 1) return "?";
    std::string known, unknown;
    for (std::size_t i = 1; i < shape.size(); ++i) {
        if (!unknown.empty()) unknown += times;
        unknown += "?";
        if (shape[i] == kUnknownDim) continue;
        if (!known.empty()) known += times;
        known += std::to_string(shape[i]);
    }
    return known.empty() ? unknown : known;
}

}  // namespace

std::string_view reader_times(const Options& options) {
    return options.compat_visualkeras ? kPlainTimes : kTypesetTimes;
}

std::string shape_text(const Layer& layer, std::string_view times) {
    if (!layer.shape_known || layer.shapes.empty()) return "?";
    return dims_text(layer.shapes.front(), times);  // multi-output layers show their first output
}

std::string caption_text(TextCallable callable, const Layer& layer, std::size_t box_index,
                         std::string_view times) {
    std::string name = layer.name.empty() ? "layer_" + std::to_string(box_index) : layer.name;
    switch (callable) {
        case TextCallable::name:
            return name;
        case TextCallable::type:
            return layer.type;
        case TextCallable::shape:
            return shape_text(layer, times);
        case TextCallable::name_shape:
            return name + "\n" + shape_text(layer, times);
        case TextCallable::none:
            break;
    }
    return "";
}

namespace {

// 1234567 → "1,234,567", as Keras' model summary prints counts.
std::string grouped(std::int64_t value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}

std::string field_value(const std::string& field, const Layer& layer, std::size_t box_index,
                        std::string_view times) {
    if (field == "name") return layer.name;
    if (field == "type") return layer.type;
    if (field == "shape") return shape_text(layer, times);
    if (field == "index") return std::to_string(box_index);
    if (field == "params") return layer.params ? grouped(*layer.params) : "?";
    // A block or stage (--level) says how many layers it stands for and what enters it.
    if (field == "layers") {
        const auto count = attr<std::int64_t>(layer, "layers");
        return count ? grouped(*count) : "1";
    }
    if (field == "in_shape") {
        const auto shape = attr<std::vector<std::int64_t>>(layer, "in_shape");
        return shape ? dims_text(*shape, times) : "?";
    }
    throw Error("caption", unknown_caption_field(field));
}

}  // namespace

std::string expand_caption_template(const std::string& text, const Layer& layer,
                                    std::size_t box_index, std::string_view times) {
    std::string out;
    // Checked before each piece is added: a template that repeats {name} must fail before
    // it builds its text, not after.
    auto append = [&out, &layer](std::string_view piece) {
        if (piece.size() > limits::kMaxCaptionBytes - out.size()) {
            throw Error("caption",
                        "a caption longer than 64 KiB after expanding its fields (layer " +
                            quoted_text(layer.name) + ")");
        }
        out += piece;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
            append("\n");
            ++i;
        } else if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            append(std::string_view(&c, 1));
            ++i;
        } else if (c == '{') {
            std::size_t end = text.find('}', i);
            if (end == std::string::npos)
                throw Error("caption", "a '{' without its '}' in a caption");
            append(field_value(text.substr(i + 1, end - i - 1), layer, box_index, times));
            i = end;
        } else if (c == '}') {
            throw Error("caption", "a '}' without its '{' in a caption (write }} for a brace)");
        } else {
            append(std::string_view(&c, 1));
        }
    }
    return out;
}

std::optional<std::string> caption_for(const Layer& layer, std::size_t box_index,
                                       const Options& options, TextBudget& budget) {
    std::optional<std::string> caption;
    if (auto own = options.captions.find(layer.name); own != options.captions.end()) {
        try {
            caption = expand_caption_template(own->second, layer, box_index, reader_times(options));
        } catch (const Error& e) {
            // The layer's own caption is the option captions.NAME, not the template `caption`.
            if (e.line() > 0 || e.file() != "caption") throw;
            throw Error("captions." + layer.name, e.message());
        }
    } else if (!options.caption.empty()) {
        caption = expand_caption_template(options.caption, layer, box_index, reader_times(options));
    } else if (options.text_callable != TextCallable::none) {
        caption = caption_text(options.text_callable, layer, box_index, reader_times(options));
    }
    // An empty caption is none: it takes no line (visualkeras measures it 0 high; its canvas
    // sums are kept as they are under compatibility).
    if (caption && caption->empty() && !options.compat_visualkeras) caption.reset();
    if (caption) budget.charge(caption->size());
    return caption;
}

bool caption_above(const Layer& layer, std::size_t box_index, const Options& options) {
    if (std::find(options.captions_above.begin(), options.captions_above.end(), layer.name) !=
        options.captions_above.end())
        return true;
    switch (options.caption_position) {
        case CaptionPosition::above:
            return true;
        case CaptionPosition::alternate:
            return box_index % 2 == 1;
        case CaptionPosition::below:
            break;
    }
    return false;
}

}  // namespace strata::layout
