#include <boost/program_options.hpp>
#include <iostream>

#include "command_table.hpp"
#include "commands.hpp"
#include "option_flags.hpp"
#include "strata/option_table.hpp"

namespace po = boost::program_options;

namespace strata::cli {

int run_options(const std::vector<std::string>& args) {
    const po::options_description all = command_flags("options");
    po::variables_map given;
    po::store(po::command_line_parser(args).options(all).run(), given);
    if (given.count("help")) {
        std::cout << all << "\n" << command_info("options").details;
        return 0;
    }
    const Options options = resolve_options(given);
    if (given.count("all")) {
        std::cout << options_to_yaml(options);
    } else {
        // What was chosen, not what every figure has anyway: such a file leaves the font and
        // its size to a LaTeX document and to later defaults.
        std::cout << "# strata options that differ from the defaults (--all prints every "
                     "option)\n"
                  << options_to_yaml(options, Options{});
    }
    return 0;
}

}  // namespace strata::cli
