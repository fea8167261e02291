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
// Plain texts by layer name (the lenet view's top_labels and bottom_labels), read as `key`.
std::map<std::string, std::string> texts_by_layer(const YamlSource& source, const YAML::Node& node,
                                                  const std::string& key);
std::map<std::string, LayerColors> color_map(const YamlSource& source, const YAML::Node& node);
DimensionCaps dimension_caps(const YamlSource& source, const YAML::Node& node);
std::vector<CollapseRule> collapse_rules(const YamlSource& source, const YAML::Node& node);
// One entry of `styles`; `what` names it in messages.
Style one_style(const YamlSource& source, const YAML::Node& node, const std::string& what);

// Checks of structures built in C++, with the readers' messages; `where` names the value
// ("styles.conv1", "logo_groups[0]") as the error's file.
void check_style(const Style& style, const std::string& where);
void check_layered_group(const LayerGroup& group, const std::string& where);
void check_logo_group(const LogoGroup& group, const std::string& where);
void check_logos_legend(const LogosLegend& legend, const std::string& where);
void check_dimension_caps(const DimensionCaps& caps, const std::string& where);
void check_collapse_rule(const CollapseRule& rule, const std::string& where);

}  // namespace strata::structured_options
