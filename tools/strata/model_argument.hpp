#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "strata/import_options.hpp"

namespace strata::cli {

// Parses the arguments of a command that takes one MODEL operand besides `visible` options.
boost::program_options::variables_map parse_model_command(
    const std::vector<std::string>& args,
    const boost::program_options::options_description& visible);

// What the model-file flags (--onnx-raw, --allow-model-paths) ask of the import.
ImportOptions import_options(const boost::program_options::variables_map& given);

// The MODEL operand; a UsageError naming `command` when it is missing.
std::string model_argument(const boost::program_options::variables_map& given,
                           const std::string& command);

}  // namespace strata::cli
