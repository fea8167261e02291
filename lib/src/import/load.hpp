#pragma once

#include <string>
#include <string_view>

#include "strata/diagnostics.hpp"
#include "strata/import_options.hpp"
#include "strata/model.hpp"

namespace strata {

// Reads a model file and imports it by its content (not its extension). Throws
// strata::Error naming the file when it cannot be read, is too large, or is in a format this
// version does not read.
Model import_model_file(const std::string& path, Warnings& warnings,
                        const ImportOptions& import = {});

// The same for bytes already in memory; `source_name` names them in messages.
Model import_model_bytes(std::string_view bytes, const std::string& source_name, Warnings& warnings,
                         const ImportOptions& import = {});

}  // namespace strata
