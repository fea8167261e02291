#include "warnings.hpp"

#include <iostream>
#include <string>

namespace strata::cli {
namespace {

// Warnings quote names from the model (already valid Unicode): keep each on one line and free
// of terminal control sequences.
std::string one_line(std::string text) {
    for (char& c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    }
    return text;
}

}  // namespace

void print_warnings(const Warnings& warnings) {
    for (const Warning& w : warnings) {
        std::cerr << "strata: warning: "
                  << one_line((w.where.empty() ? "" : w.where + ": ") + w.message) << "\n";
    }
}

}  // namespace strata::cli
