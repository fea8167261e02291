#include "style/yaml_source.hpp"

#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

#include "input/model_named_files.hpp"
#include "input/open_beneath.hpp"
#include "text/unicode_text.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;

// A model file may name only files in its own folder. The test is on the text first (no
// absolute path, no ".." that climbs out), so that a refused path is refused before the file
// system is asked anything; then the kernel resolves it beneath the folder, where a symbolic
// link that leads out is refused whether or not what it leads to exists. The file is opened
// beneath the folder again when it is read (Options::model_files): this check is for the
// message's place in the model file.
bool inside_model_folder(const YamlSource& source, const fs::path& normal) {
    if (normal.is_absolute() || normal.has_root_name() || normal.has_root_directory()) return false;
    if (!normal.empty() && *normal.begin() == "..") return false;
    const int fd = io::open_beneath(source.base_dir, normal.string());
    if (fd >= 0) ::close(fd);
    return fd >= 0 || errno != EXDEV;
}

// Whether the files this source names must stay in the model's folder.
bool confined(const YamlSource& source) {
    return source.model_file && !source.allow_outside_paths;
}

}  // namespace

Error yaml_error(const YamlSource& source, const YAML::Node& node, const std::string& message) {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null() || mark.line < 0) return Error(source.name, message);
    return Error(source.name, static_cast<std::size_t>(mark.line) + 1,
                 static_cast<std::size_t>(mark.column) + 1, message);
}

OptionPlace yaml_place(const YamlSource& source, const YAML::Node& node,
                       const std::string& option) {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null() || mark.line < 0) return {source.name, 0, 0, option, ""};
    return {source.name, static_cast<std::size_t>(mark.line) + 1,
            static_cast<std::size_t>(mark.column) + 1, option, ""};
}

void record_option_place(const YamlSource& source, const YAML::Node& node, const std::string& key,
                         const std::string& option) {
    if (!source.option_places) return;
    OptionPlace place = yaml_place(source, node, option);
    if (place.line > 0) source.option_places->record(key, std::move(place));
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
    if (!confined(source)) {
        if (p.is_relative() && !source.base_dir.empty()) p = fs::path(source.base_dir) / p;
        return p.lexically_normal().string();
    }
    const fs::path inside = p.lexically_normal();
    if (!inside_model_folder(source, inside))
        throw yaml_error(source, node,
                         what + ": " + io::outside_model_folder(unicode::valid_text(path)));
    const std::string joined = (fs::path(source.base_dir) / inside).lexically_normal().string();
    if (source.named_files) source.named_files->confine(joined, {source.base_dir, inside.string()});
    return joined;
}

std::string yaml_picture(const YamlSource& source, const YAML::Node& node,
                         const std::string& what) {
    std::string path = yaml_path(source, node, what);
    if (source.picture_places) {
        OptionPlace place = yaml_place(source, node, what);
        place.written = unicode::valid_text(node.Scalar());
        if (place.line > 0) source.picture_places->record(path, std::move(place));
    }
    return path;
}

namespace {

std::string read_font(const YamlSource& source, const YAML::Node& node, const std::string& what) {
    std::string font = yaml_scalar(source, node, what);
    // From a model file, a name without a '/' is a family: the working directory is never
    // searched on a model's behalf.
    if (source.model_file && font.find('/') == std::string::npos) return font;
    if (!source.model_file) return user_font(font);
    font = yaml_path(source, node, what);
    if (font.find('/') != std::string::npos) return font;
    // Still a file name to the font lookup, which tells files from families by a '/'.
    const std::string marked = "./" + font;
    if (source.named_files) {
        if (const ModelFolderPath* inside = source.named_files->find(font))
            source.named_files->confine(marked, ModelFolderPath(*inside));
    }
    return marked;
}

}  // namespace

std::string yaml_font(const YamlSource& source, const YAML::Node& node, const std::string& what) {
    std::string font = read_font(source, node, what);
    if (source.font_places) {
        OptionPlace place = yaml_place(source, node, what);
        if (place.line > 0) source.font_places->record(font, std::move(place));
    }
    return font;
}

std::string user_font(std::string font) {
    if (font.find('/') != std::string::npos) return font;
    std::error_code error;
    return fs::is_regular_file(fs::path(font), error) ? "./" + font : font;
}

}  // namespace strata
