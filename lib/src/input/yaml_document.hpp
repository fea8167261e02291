#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

namespace strata {

// Parses the first YAML document of `text` (an option file, a model spec). Before yaml-cpp
// builds its node tree, one pass over the parser's events refuses what would make any walk
// of that tree crash or run for ever: nesting deeper than limits::kMaxYamlDepth, an alias
// inside the node it names (a cycle, which yaml-cpp turns into a self-referencing node), and
// aliases that expand to more than limits::kMaxYamlNodes nodes (a "billion laughs" bomb), and
// more nodes written than a document of its kind may hold (limits::kMaxYamlSpecNodes,
// limits::kMaxYamlOptionNodes: yaml-cpp takes about 500 bytes a node).
// Every problem throws strata::Error(source_name, line, column, message) in strata's words.
enum class YamlDocument { options, spec };
YAML::Node parse_yaml_document(std::string_view text, const std::string& source_name,
                               YamlDocument kind = YamlDocument::options);

}  // namespace strata
