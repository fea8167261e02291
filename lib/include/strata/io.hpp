#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "strata/model.hpp"

namespace strata {

// Each layer's name, type, inputs and output shapes as JSON (what `strata info --json` prints).
std::string to_info_json(const Model& model);

// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
// failed write never leaves a half-written file. Throws strata::Error.
void write_file_atomically(const std::string& path, std::string_view bytes);

// Throws strata::Error unless `path` can be written as an output: its folder exists and is
// writable, and it is not a symbolic link, a directory, a read-only file or one of `inputs`.
void check_output_path(const std::string& path, const std::vector<std::string>& inputs);

}  // namespace strata
