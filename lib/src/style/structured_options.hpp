#pragma once

#include <yaml-cpp/yaml.h>

#include "strata/options.hpp"
#include "style/yaml_source.hpp"

// Readers for the options whose values are structures (lists of mappings, mappings of
// mappings). They take YAML nodes: from an option file, or from a flag's YAML text.
namespace strata::structured_options {

std::map<std::string, Style> styles(const YamlSource& source, const YAML::Node& node);
std::vector<LayerGroup> layered_groups(const YamlSource& source, const YAML::Node& node);
std::vector<LogoGroup> logo_groups(const YamlSource& source, const YAML::Node& node);
std::optional<LogosLegend> logos_legend(const YamlSource& source, const YAML::Node& node);
std::map<std::string, std::string> captions(const YamlSource& source, const YAML::Node& node);
std::map<std::string, LayerColors> color_map(const YamlSource& source, const YAML::Node& node);
DimensionCaps dimension_caps(const YamlSource& source, const YAML::Node& node);
// One entry of `styles`; `what` names it in messages.
Style one_style(const YamlSource& source, const YAML::Node& node, const std::string& what);

}  // namespace strata::structured_options
