#include "warnings.hpp"

#include <iostream>
#include <string>

#include "strata/printable.hpp"
#include "strata/warning_summary.hpp"

namespace strata::cli {

// Warnings quote names from the model, and a warning about one layer is placed by its name:
// each stays one bounded line, free of terminal control sequences and bidirectional overrides.
void print_warnings(const Warnings& all) {
    for (const Warning& w : with_repeats_counted(all)) {
        std::cerr << "strata: warning: "
                  << printable_line((w.where.empty() ? "" : printable_text(w.where) + ": ") +
                                    w.message)
                  << "\n";
    }
}

void print_level_note(const Scene& scene, const Options& options, const std::string& file) {
    if (options.level != Level::automatic || scene.level.empty()) return;
    std::cerr << "strata: note: "
              << printable_line(printable_text(file) + ": one box per " + scene.level +
                                " (level auto at the width " + printable_text(options.width) + ")")
              << "\n";
}

}  // namespace strata::cli
