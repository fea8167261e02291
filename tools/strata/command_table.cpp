#include "command_table.hpp"

#include <stdexcept>

#include "latex_flags.hpp"
#include "option_flags.hpp"

namespace po = boost::program_options;

namespace strata::cli {

const std::vector<CommandInfo>& command_table() {
    static const std::vector<CommandInfo> commands{
        {"render", "MODEL -o OUT [options]",
         "draw MODEL into OUT (.svg .png .pdf .tex, or .json for the scene)",
         "Example:\n  strata render vgg16.json -o vgg16.svg --text-callable name\n", true},
        {"info", "MODEL [--json]", "list each layer's name, type, inputs and output shape", "",
         true},
        {"options", "[--preset P] [--all] [options]",
         "print the options in force as a YAML option file",
         "Prints the options that differ from the defaults as a YAML option file (--all: every "
         "option), e.g. to start one from a preset:\n"
         "  strata options --preset compact > figure.yaml\n",
         false},
        {"spec", "MODEL [-o OUT] [options]",
         "write MODEL and the options as an editable YAML model spec",
         "Writes the model's layers (name, type, inputs, shape, configuration) and the options "
         "that differ from the defaults as a YAML model spec, which 'strata render' draws like "
         "the model itself:\n"
         "  strata spec model.h5 --legend > model.yaml\n"
         "  strata render model.yaml -o model.svg\n",
         true},
    };
    return commands;
}

const CommandInfo& command_info(std::string_view name) {
    for (const CommandInfo& command : command_table()) {
        if (command.name == name) return command;
    }
    throw std::out_of_range("unknown command " + std::string(name));
}

const std::vector<std::string>& usage_examples() {
    static const std::vector<std::string> examples{
        "strata render vgg16.json -o vgg16.svg",
        "strata render vgg16.json -o vgg16.png --scale 2",
        "strata render vgg16.json -o vgg16.tex --width 3.3in --legend",
        "strata render vgg16.json -o vgg16.svg --type-ignore InputLayer,Dropout --text-callable "
        "name",
        "strata render model.json -o fig.svg --options figure.yaml --no-draw-volume",
        "strata render model.json -o scene.json --sizing-mode balanced",
        "strata render model.json -o fig.svg --preset presentation",
        "strata options --preset compact > figure.yaml",
        "strata info model.json --json",
        "strata spec model.h5 > model.yaml && strata render model.yaml -o fig.svg",
    };
    return examples;
}

std::string usage_text() {
    std::string text =
        "usage: strata COMMAND [ARGS]\n\n"
        "Draws a neural-network model file as a layered diagram.\n\nCommands:\n";
    for (const CommandInfo& command : command_table()) {
        std::string call = command.name + " " + command.arguments;
        call.resize(std::max<std::size_t>(call.size() + 1, 32), ' ');
        text += "  " + call + command.summary + "\n";
    }
    text += "\nExamples:\n";
    for (const std::string& example : usage_examples()) text += "  " + example + "\n";
    text += "\nRun 'strata render --help' for every drawing option.\n";
    return text;
}

namespace {

// The flags of every command that reads a model.
FlagGroup model_file_flags(const std::string& onnx_raw_help) {
    FlagGroup flags("Model file");
    flags.flags.add_options()("onnx-raw", onnx_raw_help.c_str())(
        "allow-model-paths",
        "let a model spec name files (face images, logos, font files) outside its own folder; "
        "only for model files you trust");
    return flags;
}

std::vector<FlagGroup> render_flags() {
    FlagGroup general("strata render MODEL -o OUT [options]");
    general.flags.add_options()("help,h", "show this help")(
        "output,o", po::value<std::string>()->value_name("FILE"),
        "output file: .svg, .png, .pdf, .tex (drawing) or .json (scene); - for standard output")(
        "format", po::value<std::string>()->value_name("svg|png|pdf|tex|json"),
        "the output format, when the file name does not say")(
        "dpi", po::value<double>()->value_name("NUMBER"),
        "PNG resolution; 96 (default) draws one image pixel per scene pixel")(
        "scale", po::value<double>()->value_name("NUMBER"),
        "PNG size multiplier, on top of --dpi (default 1)");
    return {general, model_file_flags("ONNX: draw every op as a box of its own (no folding)"),
            latex_flags(), layered_option_flags()};
}

std::vector<FlagGroup> info_flags() {
    FlagGroup general("strata info MODEL [--json]", 80, 40);
    general.flags.add_options()("help,h", "show this help")("json",
                                                            "print JSON instead of a table");
    return {general, model_file_flags("ONNX: list every op (no folding)")};
}

std::vector<FlagGroup> options_flags() {
    FlagGroup general("strata options [--preset NAME] [--options FILE] [--all] [options]");
    general.flags.add_options()("help,h", "show this help")(
        "all", "print every option, also those at their default");
    return {general, layered_option_flags()};
}

std::vector<FlagGroup> spec_flags() {
    FlagGroup general("strata spec MODEL [-o OUT.yaml] [options]");
    general.flags.add_options()("help,h", "show this help")(
        "output,o", po::value<std::string>()->value_name("FILE"),
        "write the spec to this file (default: standard output)");
    return {general, model_file_flags("ONNX: every op as a layer of its own (no folding)"),
            layered_option_flags()};
}

}  // namespace

std::vector<FlagGroup> command_flag_groups(std::string_view name) {
    if (name == "render") return render_flags();
    if (name == "info") return info_flags();
    if (name == "options") return options_flags();
    if (name == "spec") return spec_flags();
    throw std::out_of_range("unknown command " + std::string(name));
}

po::options_description command_flags(std::string_view name) {
    const std::vector<FlagGroup> groups = command_flag_groups(name);
    // One group alone is printed without the empty title of a wrapper.
    if (groups.size() == 1) return groups.front().flags;
    po::options_description all(100, 50);
    for (const FlagGroup& group : groups) all.add(group.flags);
    return all;
}

}  // namespace strata::cli
