#pragma once

#include <string>
#include <vector>

namespace strata::cli {

// Thrown for a command line that cannot be understood; the tool exits with status 2.
struct UsageError {
    std::string message;
};

// Each command takes its arguments (without the command name) and returns the exit status.
int run_render(const std::vector<std::string>& args);
int run_info(const std::vector<std::string>& args);
int run_options(const std::vector<std::string>& args);
int run_spec(const std::vector<std::string>& args);

}  // namespace strata::cli
