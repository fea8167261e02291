#include <boost/program_options.hpp>
#include <iostream>

#include "commands.hpp"
#include "option_flags.hpp"
#include "strata/option_table.hpp"

namespace po = boost::program_options;

namespace strata::cli {

int run_options(const std::vector<std::string>& args) {
    po::options_description general("strata options [--preset NAME] [--options FILE] [options]",
                                    100, 50);
    general.add_options()("help,h", "show this help");
    po::options_description all(100, 50);
    all.add(general).add(layered_option_flags());
    po::variables_map given;
    po::store(po::command_line_parser(args).options(all).run(), given);
    if (given.count("help")) {
        std::cout << all
                  << "\nPrints the options in force as a YAML option file, e.g. to start one from "
                     "a preset:\n"
                     "  strata options --preset compact > figure.yaml\n";
        return 0;
    }
    std::cout << options_to_yaml(resolve_options(given));
    return 0;
}

}  // namespace strata::cli
