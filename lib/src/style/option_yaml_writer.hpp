#pragma once

#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "strata/options.hpp"

// Writers of option values in the YAML form the option-file reader takes back.
namespace strata {

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
void write_value(YAML::Emitter& out, const std::optional<LogosLegend>& value);

}  // namespace strata
