#pragma once

#include <yaml-cpp/yaml.h>

#include "strata/diagnostics.hpp"
#include "strata/options.hpp"
#include "style/yaml_source.hpp"

namespace strata {

// Applies a YAML mapping of option names to values already parsed (an option file's root, or
// the options of a model spec); only the keys it sets change. From a model file, options that
// name an output are left out, with a warning in `warnings` when given. Throws strata::Error at
// the node's line and column.
void apply_options_node(Options& options, const YAML::Node& root, const YamlSource& source,
                        Warnings* warnings = nullptr);

}  // namespace strata
