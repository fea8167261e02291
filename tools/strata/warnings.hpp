#pragma once

#include <string>

#include "strata/diagnostics.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"

namespace strata::cli {

// Writes each warning as "strata: warning: WHERE: message" to standard error.
void print_warnings(const Warnings& warnings);

// Writes "strata: note: FILE: one box per LEVEL (level auto at the width W)" to standard error when
// level auto chose what a box of `scene` stands for; nothing otherwise.
void print_level_note(const Scene& scene, const Options& options, const std::string& file);

}  // namespace strata::cli
