#include <string_view>
#include <utility>
#include <vector>

#include "input/yaml_document.hpp"
#include "strata/error.hpp"
#include "strata/option_table.hpp"
#include "strata/printable.hpp"
#include "style/options_file.hpp"

namespace strata {

// Defined in the file generated from templates/presets/ at build time.
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_texts();

// A view's own preset is named VIEW-NAME; the common ones have no hyphen.
std::vector<std::string> preset_names() {
    std::vector<std::string> names;
    for (const auto& [name, text] : embedded_texts()) {
        if (name.find('-') == std::string_view::npos) names.emplace_back(name);
    }
    return names;
}

namespace {

bool apply_embedded_preset(Options& options, std::string_view embedded_name) {
    for (const auto& [preset, text] : embedded_texts()) {
        if (preset != embedded_name) continue;
        YamlSource source{"preset " + std::string(embedded_name), ""};
        source.preset = true;
        apply_options_node(options, parse_yaml_document(text, source.name), source);
        return true;
    }
    return false;
}

}  // namespace

void apply_preset(Options& options, std::string_view name) {
    if (name.find('-') == std::string_view::npos) {
        const std::string own = std::string(name_of(options.view)) + "-" + std::string(name);
        if (options.view != View::layered && apply_embedded_preset(options, own)) return;
        if (apply_embedded_preset(options, name)) return;
    }
    std::string known;
    for (const std::string& n : preset_names()) known += (known.empty() ? "" : ", ") + n;
    throw Error("--preset",
                "unknown preset " + quoted_text(name) + " (expected one of " + known + ")");
}

}  // namespace strata
