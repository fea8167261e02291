#include "warnings.hpp"

#include <iostream>

namespace strata::cli {

void print_warnings(const Warnings& warnings) {
    for (const Warning& w : warnings) {
        std::cerr << "strata: warning: " << (w.where.empty() ? "" : w.where + ": ") << w.message
                  << "\n";
    }
}

}  // namespace strata::cli
