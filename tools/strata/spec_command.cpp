#include <boost/program_options.hpp>
#include <iostream>

#include "command_table.hpp"
#include "commands.hpp"
#include "model_argument.hpp"
#include "option_flags.hpp"
#include "standard_output.hpp"
#include "strata/import.hpp"
#include "strata/io.hpp"
#include "strata/spec.hpp"
#include "warnings.hpp"

namespace po = boost::program_options;

namespace strata::cli {

int run_spec(const std::vector<std::string>& args) {
    const po::options_description all = command_flags("spec");
    const po::variables_map given = parse_model_command(args, all);
    if (given.count("help")) {
        std::cout << all << "\n" << command_info("spec").details;
        return 0;
    }
    const std::string model_path = model_argument(given, "spec");
    const ImportOptions import = import_options(given);
    const Options options = resolve_options(given, options_of_model_file(model_path, import));
    Warnings warnings;
    const Model model = load_model(model_path, warnings, import);
    print_warnings(warnings);
    const std::string text = to_spec_yaml(model, options);
    const std::string output = given.count("output") ? given["output"].as<std::string>() : "-";
    if (output == "-") {
        write_standard_output(text);
    } else {
        write_file_atomically(output, text);
    }
    return 0;
}

}  // namespace strata::cli
