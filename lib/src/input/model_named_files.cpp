#include "input/model_named_files.hpp"

#include "strata/printable.hpp"

namespace strata::io {

std::string outside_model_folder(const std::string& path) {
    return quoted_text(path) +
           " is outside the model file's folder; a model file may name only files in its own "
           "folder (--allow-model-paths lifts this)";
}

}  // namespace strata::io
