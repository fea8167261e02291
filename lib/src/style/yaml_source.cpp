#include "style/yaml_source.hpp"

#include <filesystem>

#include "text/unicode_text.hpp"

namespace strata {

Error yaml_error(const YamlSource& source, const YAML::Node& node, const std::string& message) {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null() || mark.line < 0) return Error(source.name, message);
    return Error(source.name, static_cast<std::size_t>(mark.line) + 1,
                 static_cast<std::size_t>(mark.column) + 1, message);
}

std::string yaml_scalar(const YamlSource& source, const YAML::Node& node, const std::string& what) {
    if (!node.IsScalar()) throw yaml_error(source, node, what + ": expected a single value");
    // Option text ends up in captions, names and fonts: make it valid Unicode here, once.
    return unicode::valid_text(node.Scalar());
}

std::string yaml_path(const YamlSource& source, const YAML::Node& node, const std::string& what) {
    // A path names a file as its bytes are: it is not display text, so it is not sanitised.
    if (!node.IsScalar()) throw yaml_error(source, node, what + ": expected a single value");
    std::string path = node.Scalar();
    if (path.empty()) throw yaml_error(source, node, what + ": expected a file path, got nothing");
    std::filesystem::path p(path);
    if (p.is_relative() && !source.base_dir.empty()) p = std::filesystem::path(source.base_dir) / p;
    return p.lexically_normal().string();
}

}  // namespace strata
