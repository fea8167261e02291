#include "model_argument.hpp"

#include "commands.hpp"

namespace po = boost::program_options;

namespace strata::cli {

po::variables_map parse_model_command(const std::vector<std::string>& args,
                                      const po::options_description& visible) {
    po::options_description hidden;
    hidden.add_options()("model", po::value<std::string>());
    po::options_description parsed;
    parsed.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("model", 1);
    po::variables_map given;
    po::store(po::command_line_parser(args).options(parsed).positional(positional).run(), given);
    return given;
}

ImportOptions import_options(const po::variables_map& given) {
    ImportOptions import;
    import.onnx_raw = given.count("onnx-raw") > 0;
    import.allow_model_paths = given.count("allow-model-paths") > 0;
    return import;
}

std::string model_argument(const po::variables_map& given, const std::string& command) {
    if (!given.count("model")) throw UsageError{command + " needs a MODEL file"};
    return given["model"].as<std::string>();
}

}  // namespace strata::cli
