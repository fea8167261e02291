#pragma once

#include <string>
#include <vector>

namespace strata {

// A non-fatal problem: drawing goes on, the user is told. `where` names the file, layer or
// option concerned.
struct Warning {
    std::string where;
    std::string message;
};

using Warnings = std::vector<Warning>;

}  // namespace strata
