#include "style/caption_template.hpp"

#include <array>

namespace strata {

bool is_caption_field(std::string_view field) {
    static constexpr std::array<std::string_view, 7> kFields = {
        "name", "type", "shape", "index", "params", "layers", "in_shape"};
    for (std::string_view known : kFields)
        if (field == known) return true;
    return false;
}

std::string unknown_caption_field(std::string_view field) {
    return "unknown field {" + std::string(field.substr(0, 40)) +
           "} in a caption (expected name, type, shape, index, params, layers or in_shape)";
}

std::optional<std::string> caption_template_problem(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '\\' && i + 1 < text.size() && text[i + 1] == 'n') ||
            ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c)) {
            ++i;
        } else if (c == '{') {
            const std::size_t end = text.find('}', i);
            if (end == std::string_view::npos) return "a '{' without its '}' in a caption";
            const std::string_view field = text.substr(i + 1, end - i - 1);
            if (!is_caption_field(field)) return unknown_caption_field(field);
            i = end;
        } else if (c == '}') {
            return "a '}' without its '{' in a caption (write }} for a brace)";
        }
    }
    return std::nullopt;
}

}  // namespace strata
