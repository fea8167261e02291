#pragma once

#include <boost/program_options/options_description.hpp>
#include <string>

namespace strata::cli {

// A titled group of flags, as --help prints it. The title is kept beside the description
// because Boost.Program_options does not give it back, and the manual page needs it.
struct FlagGroup {
    FlagGroup(const std::string& title, unsigned line_length = 100,
              unsigned description_length = 50)
        : caption(title), flags(title, line_length, description_length) {}

    std::string caption;
    boost::program_options::options_description flags;
};

}  // namespace strata::cli
