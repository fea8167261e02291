#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace strata {

// Bounds for reading untrusted YAML.
struct YamlBounds {
    std::size_t max_depth = 64;         // nested sequences and mappings
    std::size_t max_nodes = 1'000'000;  // nodes in the document, each alias counted as the
                                        // whole subtree it stands for
};

// Parses one YAML document after checking it against `bounds` in a streaming pass, so that
// nothing later walks a self-referencing node (`&x [*x]`), an alias bomb (a few hundred bytes
// standing for billions of nodes) or a nesting deep enough to exhaust the stack. Throws
// strata::Error with the line and column; yaml-cpp's own messages are never shown.
YAML::Node load_bounded_yaml(std::string_view text, const std::string& source_name,
                             const YamlBounds& bounds);

}  // namespace strata
