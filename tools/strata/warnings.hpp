#pragma once

#include "strata/diagnostics.hpp"

namespace strata::cli {

// Writes each warning as "strata: warning: WHERE: message" to standard error.
void print_warnings(const Warnings& warnings);

}  // namespace strata::cli
