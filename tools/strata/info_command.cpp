#include <boost/program_options.hpp>
#include <iostream>

#include "command_table.hpp"
#include "commands.hpp"
#include "model_argument.hpp"
#include "strata/import.hpp"
#include "strata/io.hpp"
#include "strata/printable.hpp"
#include "warnings.hpp"

namespace po = boost::program_options;

namespace strata::cli {
namespace {

std::string shape_list(const Layer& layer) {
    if (!layer.shape_known) return "?";
    std::string text;
    for (const Shape& shape : layer.shapes) {
        if (!text.empty()) text += ", ";
        text += "(";
        for (std::size_t i = 0; i < shape.size(); ++i) {
            if (i > 0) text += ", ";
            text += shape[i] == kUnknownDim ? "None" : std::to_string(shape[i]);
        }
        text += shape.size() == 1 ? ",)" : ")";
    }
    return text;
}

// The table is for a terminal: names and types are shown as messages quote them (bounded,
// bidirectional controls escaped). --json keeps them exact.
void print_table(const Model& model) {
    for (const Layer& layer : model.layers) {
        std::string inputs;
        for (const TensorRef& ref : layer.inputs) {
            inputs += (inputs.empty() ? "" : ", ") + printable_text(model.layers[ref.layer].name);
        }
        std::cout << printable_text(layer.name) << "  " << printable_text(layer.type) << "  "
                  << shape_list(layer) << (inputs.empty() ? "" : "  <- " + inputs) << "\n";
    }
}

}  // namespace

int run_info(const std::vector<std::string>& args) {
    const po::options_description general = command_flags("info");
    const po::variables_map given = parse_model_command(args, general);
    if (given.count("help")) {
        std::cout << general;
        return 0;
    }
    const std::string model_path = model_argument(given, "info");
    Warnings warnings;
    Model model = load_model(model_path, warnings, import_options(given));
    print_warnings(warnings);
    if (given.count("json")) {
        std::cout << to_info_json(model);
    } else {
        print_table(model);
    }
    return 0;
}

}  // namespace strata::cli
