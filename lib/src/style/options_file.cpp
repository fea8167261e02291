#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "strata/error.hpp"
#include "strata/option_table.hpp"

namespace strata {
namespace {

constexpr std::size_t kMaxOptionsFileBytes = 4 << 20;  // option files are a few hundred bytes

Error error_at(const std::string& source, const YAML::Mark& mark, const std::string& message) {
    if (mark.is_null()) return Error(source, message);
    return Error(source, static_cast<std::size_t>(mark.line) + 1,
                 static_cast<std::size_t>(mark.column) + 1, message);
}

std::string scalar(const YAML::Node& node, const std::string& source, const std::string& key) {
    if (!node.IsScalar()) throw error_at(source, node.Mark(), key + ": expected a single value");
    return node.Scalar();
}

// A YAML list of scalars becomes the comma-separated text form the option readers take.
std::string scalar_list(const YAML::Node& node, const std::string& source, const std::string& key) {
    if (!node.IsSequence()) return scalar(node, source, key);
    std::string joined;
    for (const YAML::Node& item : node) {
        if (!joined.empty()) joined += ',';
        joined += scalar(item, source, key + " item");
    }
    return joined;
}

// color_map: {Class: {fill: .., outline: ..}} or {Class: colour} for the fill alone.
std::string color_map_text(const YAML::Node& node, const std::string& source) {
    if (!node.IsMap())
        throw error_at(source, node.Mark(), "color_map: expected a mapping of class names");
    std::string text;
    for (const auto& entry : node) {
        std::string cls = scalar(entry.first, source, "color_map key");
        std::string fill, outline;
        const YAML::Node& value = entry.second;
        if (value.IsMap()) {
            for (const auto& field : value) {
                std::string name = scalar(field.first, source, "color_map." + cls + " key");
                if (name == "fill")
                    fill = scalar(field.second, source, "color_map." + cls + ".fill");
                else if (name == "outline")
                    outline = scalar(field.second, source, "color_map." + cls + ".outline");
                else
                    throw error_at(
                        source, field.first.Mark(),
                        "color_map." + cls + ": expected fill or outline, got '" + name + "'");
            }
        } else {
            fill = scalar(value, source, "color_map." + cls);
        }
        if (!text.empty()) text += ',';
        text += cls + "=" + fill + (outline.empty() ? "" : "/" + outline);
    }
    return text;
}

std::string dimension_caps_text(const YAML::Node& node, const std::string& source) {
    if (!node.IsMap()) return scalar(node, source, "dimension_caps");
    std::string text;
    for (const auto& entry : node) {
        if (!text.empty()) text += ',';
        text += scalar(entry.first, source, "dimension_caps key") + "=" +
                scalar(entry.second, source, "dimension_caps value");
    }
    return text;
}

}  // namespace

void apply_options_yaml(Options& options, std::string_view yaml, const std::string& source) {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
        throw error_at(source, e.mark, "not valid YAML: " + e.msg);
    }
    if (root.IsNull()) return;  // an empty file sets nothing
    if (!root.IsMap())
        throw error_at(source, root.Mark(), "expected a mapping of option names to values");
    for (const auto& entry : root) {
        std::string key = scalar(entry.first, source, "option name");
        const YAML::Node& value = entry.second;
        std::string text;
        if (key == "color_map")
            text = color_map_text(value, source);
        else if (key == "dimension_caps")
            text = dimension_caps_text(value, source);
        else if (value.IsNull())
            text = "";
        else
            text = scalar_list(value, source, key);
        try {
            set_option(options, key, text, source);
        } catch (const Error& e) {
            throw error_at(source, (value.IsNull() ? entry.first : value).Mark(),
                           key + ": " + e.message());
        }
    }
}

void apply_options_file(Options& options, const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path, "cannot open the option file");
    std::string text;
    text.resize(kMaxOptionsFileBytes + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxOptionsFileBytes) throw Error(path, "option file larger than 4 MiB");
    apply_options_yaml(options, text, path);
}

}  // namespace strata
