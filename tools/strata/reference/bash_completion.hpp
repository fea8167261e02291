#pragma once

#include <string>

namespace strata::reference {

// A bash completion script for strata: the commands, each command's flags, and the values a
// flag takes where the tool names them (choices, files, folders). Made from the same command
// table and flag descriptions the tool parses with.
std::string bash_completion();

}  // namespace strata::reference
