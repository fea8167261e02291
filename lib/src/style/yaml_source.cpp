#include "style/yaml_source.hpp"

#include <filesystem>
#include <system_error>

#include "text/unicode_text.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;

// Whether `inner` (lexically normal) lies in `folder` (lexically normal) or is it.
bool lies_within(const fs::path& inner, const fs::path& folder) {
    const fs::path relative = inner.lexically_relative(folder);
    return !relative.empty() && *relative.begin() != "..";
}

// A model file may name only files in its own folder. The test is on the text first (no
// absolute path, no ".." that climbs out), so that a refused path is refused before the file
// system is asked anything; then on the path with symbolic links resolved, whose outcome is
// the same message whether or not the file exists.
bool inside_model_folder(const YamlSource& source, const fs::path& given) {
    if (given.is_absolute() || given.has_root_name() || given.has_root_directory()) return false;
    const fs::path normal = given.lexically_normal();
    if (!normal.empty() && *normal.begin() == "..") return false;
    const fs::path base = source.base_dir.empty() ? fs::path(".") : fs::path(source.base_dir);
    std::error_code error;
    const fs::path real_base = fs::weakly_canonical(base, error);
    if (error) return false;
    const fs::path real_file = fs::weakly_canonical(base / normal, error);
    if (error) return false;
    return lies_within(real_file.lexically_normal(), real_base.lexically_normal());
}

}  // namespace

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
    if (path.find('\0') != std::string::npos)
        throw yaml_error(source, node, what + ": a file path cannot hold a NUL character");
    fs::path p(path);
    if (source.model_file && !source.allow_outside_paths && !inside_model_folder(source, p)) {
        throw yaml_error(source, node,
                         what + ": '" + unicode::valid_text(path) +
                             "' is outside the model file's folder; a model file may name only "
                             "files in its own folder (--allow-model-paths lifts this)");
    }
    if (p.is_relative() && !source.base_dir.empty()) p = fs::path(source.base_dir) / p;
    return p.lexically_normal().string();
}

std::string yaml_font(const YamlSource& source, const YAML::Node& node, const std::string& what) {
    std::string font = yaml_scalar(source, node, what);
    if (!source.model_file || font.find('/') == std::string::npos) return font;
    font = yaml_path(source, node, what);
    // Still a file name to the font lookup, which tells files from families by a '/'.
    return font.find('/') == std::string::npos ? "./" + font : font;
}

}  // namespace strata
