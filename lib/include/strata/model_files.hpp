#pragma once

#include <map>
#include <string>

namespace strata {

// Where a file a model file names (a face image, a logo, a font file) must be opened: beneath
// the model file's folder, so that a link swapped in after the model was read cannot lead out.
struct ModelFolderPath {
    std::string folder;    // the model file's folder, "" for the working directory
    std::string relative;  // the path inside it
    bool operator==(const ModelFolderPath&) const = default;
};

// The paths of some options that a model file named, each with the folder it must be opened
// beneath. Options (Options::model_files) carry it beside the paths they hold, so that it
// belongs to one model and one run: whatever opens one of those paths later (the picture
// reader, the font lookup) opens it beneath that folder. A path not in it is the user's own.
class ModelNamedFiles {
  public:
    // Records that `path` was named by a model file as `where.relative` inside `where.folder`.
    void confine(const std::string& path, ModelFolderPath where) {
        paths_.insert_or_assign(path, std::move(where));
    }

    // Where `path` must be opened, nullptr when no model file named it.
    const ModelFolderPath* find(const std::string& path) const {
        const auto it = paths_.find(path);
        return it == paths_.end() ? nullptr : &it->second;
    }

    bool operator==(const ModelNamedFiles&) const = default;

  private:
    std::map<std::string, ModelFolderPath> paths_;
};

}  // namespace strata
