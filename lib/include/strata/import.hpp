#pragma once

#include <string>
#include <string_view>

#include "strata/diagnostics.hpp"
#include "strata/import_options.hpp"
#include "strata/model.hpp"

namespace strata {

// Reads a model file (the format is recognised from its content) and computes the output
// shape of every layer. Throws strata::Error naming the file and place on bad input.
Model load_model(const std::string& path, Warnings& warnings);
Model load_model(const std::string& path, Warnings& warnings, const ImportOptions& import);

// The same from bytes already in memory; `source_name` is used in messages.
Model parse_model(std::string_view bytes, const std::string& source_name, Warnings& warnings);
Model parse_model(std::string_view bytes, const std::string& source_name, Warnings& warnings,
                  const ImportOptions& import);

}  // namespace strata
