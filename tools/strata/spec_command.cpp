#include <boost/program_options.hpp>
#include <iostream>

#include "commands.hpp"
#include "model_argument.hpp"
#include "option_flags.hpp"
#include "standard_output.hpp"
#include "strata/render.hpp"
#include "strata/spec.hpp"
#include "warnings.hpp"

namespace po = boost::program_options;

namespace strata::cli {

int run_spec(const std::vector<std::string>& args) {
    po::options_description general("strata spec MODEL [-o OUT.yaml] [options]", 100, 50);
    general.add_options()("help,h", "show this help")(
        "output,o", po::value<std::string>(),
        "write the spec to this file (default: standard output)");
    po::options_description all(100, 50);
    all.add(general)
        .add(model_file_flags("ONNX: every op as a layer of its own (no folding)"))
        .add(layered_option_flags());
    const po::variables_map given = parse_model_command(args, all);
    if (given.count("help")) {
        std::cout << all
                  << "\nWrites the model's layers (name, type, inputs, shape, configuration) and "
                     "the options that differ from the defaults as a YAML model spec, which "
                     "'strata render' draws like the model itself:\n"
                     "  strata spec model.h5 --legend > model.yaml\n"
                     "  strata render model.yaml -o model.svg\n";
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
