#pragma once

#include <boost/program_options/options_description.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "flag_group.hpp"

namespace strata::cli {

// One command of the tool as its usage text, its --help and the manual page describe it.
struct CommandInfo {
    std::string name;       // "render"
    std::string arguments;  // "MODEL -o OUT [options]"
    std::string summary;    // one line, for the list of commands
    std::string details;    // what --help adds after the options; may be empty
    bool takes_model;       // the one operand is a model file
};

// Every command, in the order the usage text lists them.
const std::vector<CommandInfo>& command_table();

// The entry of `name`; throws std::out_of_range for an unknown command.
const CommandInfo& command_info(std::string_view name);

// The example command lines of `strata --help` and of the manual page.
const std::vector<std::string>& usage_examples();

// The text `strata --help` prints.
std::string usage_text();

// The flags of command `name`, in the groups its --help shows. The command parses with
// exactly these, and the manual page and the shell completion are made from them.
std::vector<FlagGroup> command_flag_groups(std::string_view name);

// All flags of command `name` in one description, for parsing and --help.
boost::program_options::options_description command_flags(std::string_view name);

}  // namespace strata::cli
