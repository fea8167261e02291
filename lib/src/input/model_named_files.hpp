#pragma once

#include <optional>
#include <string>

// The files a model file names (face images, logos, font files) must stay inside its folder.
// Options hold them as plain paths; the rule travels beside them here, keyed by the path as
// the options hold it, so that whatever opens the file later opens it beneath the folder (see
// open_beneath.hpp) instead of trusting a check made earlier.
namespace strata::io {

struct ModelFolderPath {
    std::string folder;    // the model file's folder, "" for the working directory
    std::string relative;  // the path inside it
};

// Records that `path` was named by a model file as `where.relative` inside `where.folder`.
void confine_to_model_folder(const std::string& path, ModelFolderPath where);

// Where `path` must be opened, when a model file named it.
std::optional<ModelFolderPath> model_folder_path(const std::string& path);

// The message for a path that would leave the model's folder. It is the same whether or not
// the file outside exists, and whether a symbolic link or the text of the path leads out.
// `path` as it should be shown (already made valid text).
std::string outside_model_folder(const std::string& path);

}  // namespace strata::io
