#pragma once

#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "strata/options.hpp"

// Writers of option values in the YAML form the option-file reader takes back.
namespace strata {

// A name or key: plain when every YAML reader (1.1 and 1.2) reads it back as the same text
// (a letter or '_', then letters, digits, '_', '-', '.', '/'; not a YAML 1.1 boolean or null),
// double-quoted otherwise.
void write_text(YAML::Emitter& out, const std::string& text);

// `yaml` with U+0085, U+2028 and U+2029 written as escapes: YAML 1.1 readers take them for
// line breaks. Every scalar holding one is double-quoted by the writers above, where an
// escape means the same character.
std::string escape_yaml_line_separators(std::string yaml);

void write_value(YAML::Emitter& out, double value);
void write_value(YAML::Emitter& out, bool value);
void write_value(YAML::Emitter& out, const std::string& value);
void write_value(YAML::Emitter& out, Rgba value);
void write_value(YAML::Emitter& out, const std::vector<std::string>& value);
void write_value(YAML::Emitter& out, const std::vector<std::size_t>& value);
void write_value(YAML::Emitter& out, const std::optional<DimensionCaps>& value);
void write_value(YAML::Emitter& out, const std::map<std::string, LayerColors>& value);
void write_value(YAML::Emitter& out, const Style& value);
void write_value(YAML::Emitter& out, const std::map<std::string, Style>& value);
void write_value(YAML::Emitter& out, const std::map<std::string, std::string>& value);
void write_value(YAML::Emitter& out, const std::vector<LayerGroup>& value);
void write_value(YAML::Emitter& out, const std::vector<LogoGroup>& value);
void write_value(YAML::Emitter& out, const std::vector<CollapseRule>& value);
void write_value(YAML::Emitter& out, const std::optional<LogosLegend>& value);

// A choice, as its name (double-quoted, like any text value).
template <typename E>
requires std::is_enum_v<E>
void write_value(YAML::Emitter& out, E value) {
    write_value(out, std::string(name_of(value)));
}

}  // namespace strata
