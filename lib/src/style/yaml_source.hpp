#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

#include "strata/error.hpp"

namespace strata {

// Where YAML option values come from: a file (relative paths inside it are relative to its
// folder) or a command-line flag (relative to the working directory).
struct YamlSource {
    std::string name;      // file path or "--flag"
    std::string base_dir;  // "" for the working directory
};

// An error at a node's line and column.
Error yaml_error(const YamlSource& source, const YAML::Node& node, const std::string& message);

// The text of a scalar node; anything else is an error naming `what`.
std::string yaml_scalar(const YamlSource& source, const YAML::Node& node, const std::string& what);

// A path given in an option, made relative to the source's folder.
std::string yaml_path(const YamlSource& source, const YAML::Node& node, const std::string& what);

}  // namespace strata
