#include "warnings.hpp"

#include <iostream>
#include <string>

#include "strata/printable.hpp"

namespace strata::cli {

// Warnings quote names from the model, and a warning about one layer is placed by its name:
// each stays one bounded line, free of terminal control sequences and bidirectional overrides.
void print_warnings(const Warnings& warnings) {
    for (const Warning& w : warnings) {
        std::cerr << "strata: warning: "
                  << printable_line((w.where.empty() ? "" : printable_text(w.where) + ": ") +
                                    w.message)
                  << "\n";
    }
}

}  // namespace strata::cli
