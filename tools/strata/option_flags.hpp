#pragma once

#include <boost/program_options.hpp>

#include "strata/options.hpp"

namespace strata::cli {

// One command-line flag per layered-view option (kebab-case of its name); booleans also get
// a --no-NAME form.
boost::program_options::options_description layered_option_flags();

// Applies the flags the user gave, in the option table's order, on top of `options`.
void apply_option_flags(const boost::program_options::variables_map& given, Options& options);

}  // namespace strata::cli
