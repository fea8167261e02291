#pragma once

#include <boost/program_options.hpp>

#include "flag_group.hpp"
#include "strata/options.hpp"

namespace strata::cli {

// --preset, --options and one flag per layered-view option (kebab-case of its name);
// booleans also get a --no-NAME form.
FlagGroup layered_option_flags();

// The options in force: `base` (the built-in defaults, or what a model spec sets), then the
// preset, then the option file, then the flags the user gave.
Options resolve_options(const boost::program_options::variables_map& given, Options base = {});

}  // namespace strata::cli
