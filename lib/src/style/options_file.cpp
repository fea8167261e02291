#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "input/input_file.hpp"
#include "input/yaml_document.hpp"
#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/option_table.hpp"
#include "strata/printable.hpp"
#include "style/option_entries.hpp"
#include "style/options_file.hpp"

namespace strata {
namespace {

// A YAML list of scalars becomes the comma-separated text form the option readers take.
std::string scalar_list(const YamlSource& source, const YAML::Node& node, const std::string& key) {
    if (node.IsNull()) return "";
    if (!node.IsSequence()) return yaml_scalar(source, node, key);
    std::string joined;
    for (const YAML::Node& item : node) {
        if (!joined.empty()) joined += ',';
        joined += yaml_scalar(source, item, key + " item");
    }
    return joined;
}

}  // namespace

void apply_options_node(Options& options, const YAML::Node& root, const YamlSource& given,
                        Warnings* warnings) {
    YamlSource source = given;
    if (!source.font_places) source.font_places = &options.font_places;
    if (!source.option_places) source.option_places = &options.option_places;
    if (!source.picture_places) source.picture_places = &options.picture_places;
    if (root.IsNull()) return;  // an empty file sets nothing
    if (!root.IsMap())
        throw yaml_error(source, root, "expected a mapping of option names to values");
    // The view, then the preset, are the file's starting point, whatever their place among the
    // keys: the view brings its defaults, the preset its values for that view.
    for (const auto& entry : root) {
        if (yaml_scalar(source, entry.first, "option name") != "view") continue;
        if (source.preset) throw yaml_error(source, entry.first, "a preset cannot name a view");
        const YAML::Node& place = entry.second.IsNull() ? entry.first : entry.second;
        try {
            set_option(options, "view", yaml_scalar(source, entry.second, "view"), "");
        } catch (const Error& e) {
            if (e.line() > 0) throw;
            throw yaml_error(source, place, "view: " + e.message());
        }
        if (source.option_places) source.option_places->forget("view");
        record_option_place(source, place, "view", "view");
    }
    for (const auto& entry : root) {
        if (yaml_scalar(source, entry.first, "option name") != "preset") continue;
        if (source.preset) throw yaml_error(source, entry.first, "a preset cannot name a preset");
        const YAML::Node& value = entry.second;
        try {
            apply_preset(options, yaml_scalar(source, value, "preset"));
        } catch (const Error& e) {
            if (e.line() > 0) throw;
            throw yaml_error(source, value.IsNull() ? entry.first : value, e.message());
        }
    }
    for (const auto& entry : root) {
        const std::string key = yaml_scalar(source, entry.first, "option name");
        if (key == "preset" || key == "view") continue;
        const OptionEntry* option = find_option(key);
        if (option == nullptr || option->info.key != key) {
            throw yaml_error(source, entry.first, unknown_option_message(key));
        }
        if (source.model_file && option->info.names_output) {
            // The user chooses where output goes, never a file downloaded with a model.
            if (warnings != nullptr)
                warnings->push_back({source.name, key + ": a model file cannot choose the output "
                                                        "file; ignored"});
            continue;
        }
        const YAML::Node& value = entry.second;
        const YAML::Node& place = value.IsNull() ? entry.first : value;
        // Every option value passes here: its place in a file is kept for the errors only its
        // use finds (names to expand, captions once filled in), and the places of the value it
        // replaces go. A built-in preset is no file the user could fix.
        if (source.option_places) source.option_places->forget(key);
        if (!source.preset) record_option_place(source, place, key, key);
        try {
            if (option->set_node) {
                option->set_node(options, value, source);
            } else {
                option->set_text(options, scalar_list(source, value, key), "");
            }
        } catch (const Error& e) {
            if (e.line() > 0) throw;
            throw yaml_error(source, place, key + ": " + e.message());
        }
    }
}

void apply_options_yaml(Options& options, std::string_view yaml, const std::string& source_name) {
    YamlSource source{source_name, std::filesystem::path(source_name).parent_path().string()};
    const YAML::Node root = parse_yaml_document(yaml, source_name);
    apply_options_node(options, root, source);
}

namespace {

std::string options_file_text(const std::string& path) {
    std::string text = io::read_input_file(path, limits::kMaxOptionsFileBytes, "the option file");
    if (text.size() > limits::kMaxOptionsFileBytes)
        throw Error(path, "option file larger than 4 MiB");
    return text;
}

}  // namespace

void apply_options_file(Options& options, const std::string& path) {
    apply_options_yaml(options, options_file_text(path), path);
}

std::string options_file_preset(const std::string& path) {
    const YamlSource source{path, std::filesystem::path(path).parent_path().string()};
    const YAML::Node root = parse_yaml_document(options_file_text(path), path);
    if (!root.IsMap()) return "";
    for (const auto& entry : root) {
        if (yaml_scalar(source, entry.first, "option name") == "preset")
            return yaml_scalar(source, entry.second, "preset");
    }
    return "";
}

}  // namespace strata
