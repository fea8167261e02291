#pragma once

#include <string>

namespace strata::reference {

// The manual page strata(1) in roff (man macros), made from the tool's own command table and
// flag descriptions, so that it lists exactly the options the tool accepts. `texmf_dir` is the
// TeX tree that receives strata.sty and its manual, relative to the installation prefix.
std::string man_page(const std::string& version, const std::string& texmf_dir);

}  // namespace strata::reference
