#pragma once

#include <yaml-cpp/yaml.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/option_table.hpp"
#include "style/yaml_source.hpp"

namespace strata {

// How one option is set: from text (command line, or a YAML scalar/list turned into text) or,
// for structures, from a YAML node.
struct OptionEntry {
    using TextSetter = std::function<void(Options&, std::string_view, const std::string& where)>;
    using NodeSetter = std::function<void(Options&, const YAML::Node&, const YamlSource&)>;
    using Getter = std::function<void(const Options&, YAML::Emitter&)>;  // writes the value
    // Throws strata::Error(where, ...) for a value its setters would refuse, in their words.
    using Check = std::function<void(const Options&, const std::string& where)>;
    OptionInfo info;
    TextSetter set_text;  // set for every kind but structures
    NodeSetter set_node;  // structures, color_map, dimension_caps; font (a path in a file)
    Getter get;
    Check check;  // unset when every value is valid
};

const std::vector<OptionEntry>& option_entries();

// The entry for a snake_case key or kebab-case flag name; nullptr when there is none.
// One option's value as the YAML text an option file would hold, so that values compare as
// they would be written.
std::string option_value_yaml(const OptionEntry& entry, const Options& options);

const OptionEntry* find_option(std::string_view key);
// "unknown option 'KEY'", with the nearest option name when one is close (a misspelling).
std::string unknown_option_message(std::string_view key);

}  // namespace strata
