#pragma once

#include <boost/program_options/options_description.hpp>
#include <string>
#include <vector>

namespace strata::reference {

// One flag as the manual page and the shell completion present it.
struct Flag {
    std::string long_name;    // "output"
    std::string short_name;   // "o", or empty
    std::string value;        // the value's name ("FILE", "svg|png"), empty for a switch
    bool value_optional;      // --legend[=true|false]: a value only after '='
    std::string description;  // one line

    // The words a value may be, when the value's name lists them ("svg|png" → svg, png).
    std::vector<std::string> choices() const;
};

// The flags of `description` in the order --help lists them.
std::vector<Flag> flags_of(const boost::program_options::options_description& description);

}  // namespace strata::reference
