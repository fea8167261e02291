#include "style/yaml_source.hpp"

#include <filesystem>

namespace strata {

Error yaml_error(const YamlSource& source, const YAML::Node& node, const std::string& message) {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null() || mark.line < 0) return Error(source.name, message);
    return Error(source.name, static_cast<std::size_t>(mark.line) + 1,
                 static_cast<std::size_t>(mark.column) + 1, message);
}

std::string yaml_scalar(const YamlSource& source, const YAML::Node& node, const std::string& what) {
    if (!node.IsScalar()) throw yaml_error(source, node, what + ": expected a single value");
    return node.Scalar();
}

std::string yaml_path(const YamlSource& source, const YAML::Node& node, const std::string& what) {
    std::string path = yaml_scalar(source, node, what);
    if (path.empty()) throw yaml_error(source, node, what + ": expected a file path, got nothing");
    std::filesystem::path p(path);
    if (p.is_relative() && !source.base_dir.empty()) p = std::filesystem::path(source.base_dir) / p;
    return p.lexically_normal().string();
}

}  // namespace strata
