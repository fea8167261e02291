#include <boost/program_options.hpp>
#include <iostream>

#include "commands.hpp"
#include "option_flags.hpp"
#include "strata/error.hpp"
#include "strata/option_table.hpp"
#include "strata/render.hpp"
#include "warnings.hpp"

namespace po = boost::program_options;

namespace strata::cli {
namespace {

enum class OutputFormat { svg, scene_json };

OutputFormat format_of(const std::string& path, const std::string& requested) {
    std::string format = requested;
    if (format.empty()) {
        auto dot = path.rfind('.');
        format = dot == std::string::npos ? "" : path.substr(dot + 1);
        for (char& c : format) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (format == "svg") return OutputFormat::svg;
    if (format == "json") return OutputFormat::scene_json;
    throw UsageError{"cannot tell the output format of '" + path +
                     "' (use a .svg or .json file name, or --format svg|json)"};
}

}  // namespace

int run_render(const std::vector<std::string>& args) {
    po::options_description general("strata render MODEL -o OUT [options]", 100, 50);
    general.add_options()("help,h", "show this help")(
        "output,o", po::value<std::string>(),
        "output file: .svg (drawing) or .json (scene); - for standard output")(
        "format", po::value<std::string>(), "svg or json, when the file name does not say")(
        "options", po::value<std::string>(), "YAML option file (same keys as the options below)");
    po::options_description all(100, 50);
    all.add(general).add(layered_option_flags());
    po::options_description hidden;
    hidden.add_options()("model", po::value<std::string>());
    po::options_description parsed;
    parsed.add(all).add(hidden);
    po::positional_options_description positional;
    positional.add("model", 1);

    po::variables_map given;
    po::store(po::command_line_parser(args).options(parsed).positional(positional).run(), given);
    if (given.count("help")) {
        std::cout << all
                  << "\nExample:\n  strata render vgg16.json -o vgg16.svg --text-callable name\n";
        return 0;
    }
    if (!given.count("model")) throw UsageError{"render needs a MODEL file"};
    if (!given.count("output")) throw UsageError{"render needs an output file: -o OUT.svg"};
    const std::string output = given["output"].as<std::string>();
    const OutputFormat format =
        format_of(output, given.count("format") ? given["format"].as<std::string>() : "");

    // Precedence: built-in defaults, then the option file, then the flags.
    Options options;
    if (given.count("options")) apply_options_file(options, given["options"].as<std::string>());
    apply_option_flags(given, options);

    Warnings warnings;
    const std::string model_path = given["model"].as<std::string>();
    Model model = load_model(model_path, warnings);
    Scene scene;
    try {
        scene = layout_layered(model, options, warnings);
    } catch (const Error& e) {
        // The layout does not know which file the model came from.
        if (!e.file().empty()) throw;
        throw Error(model_path, e.line(), e.column(), e.message());
    }
    std::string bytes = format == OutputFormat::svg ? to_svg(scene) : to_scene_json(scene);
    print_warnings(warnings);
    if (output == "-") {
        std::cout << bytes;
    } else {
        write_file_atomically(output, bytes);
    }
    return 0;
}

}  // namespace strata::cli
