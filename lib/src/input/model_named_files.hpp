#pragma once

#include <string>

#include "strata/model_files.hpp"

// The files a model file names (face images, logos, font files) must stay inside its folder.
// Options hold them as plain paths; the rule travels beside them in Options::model_files
// (strata/model_files.hpp), so that whatever opens such a file later opens it beneath the
// folder (see open_beneath.hpp) instead of trusting a check made earlier.
namespace strata::io {

// The message for a path that would leave the model's folder. It is the same whether or not
// the file outside exists, and whether a symbolic link or the text of the path leads out.
// `path` as it should be shown (already made valid text).
std::string outside_model_folder(const std::string& path);

}  // namespace strata::io
