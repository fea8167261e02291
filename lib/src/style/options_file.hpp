#pragma once

#include <yaml-cpp/yaml.h>

#include "strata/options.hpp"
#include "style/yaml_source.hpp"

namespace strata {

// Applies a YAML mapping of option names to values already parsed (an option file's root, or
// the options of a model spec); only the keys it sets change. Throws strata::Error at the
// node's line and column.
void apply_options_node(Options& options, const YAML::Node& root, const YamlSource& source);

}  // namespace strata
