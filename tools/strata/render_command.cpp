#include <algorithm>
#include <boost/program_options.hpp>
#include <iostream>
#include <optional>

#include "command_table.hpp"
#include "commands.hpp"
#include "input_files.hpp"
#include "latex_flags.hpp"
#include "model_argument.hpp"
#include "option_flags.hpp"
#include "standard_output.hpp"
#include "strata/error.hpp"
#include "strata/import.hpp"
#include "strata/io.hpp"
#include "strata/layout.hpp"
#include "strata/option_checks.hpp"
#include "strata/option_table.hpp"
#include "strata/printable.hpp"
#include "strata/spec.hpp"
#include "strata/write.hpp"
#include "warnings.hpp"

namespace po = boost::program_options;

namespace strata::cli {
namespace {

OutputFormat format_of(const std::string& path, const std::string& requested) {
    const std::optional<OutputFormat> format =
        requested.empty() ? output_format_of_file(path) : output_format_named(requested);
    if (format) return *format;
    throw UsageError{"cannot tell the output format of " + quoted_text(path) +
                     " (use a .svg, .json, .png, .pdf or .tex file name, or --format "
                     "svg|json|png|pdf|tex)"};
}

// The PNG resolution: the one asked for, which must fit the limits; or by default 96 dpi,
// lowered with a warning when a wide model would not fit.
void set_png_resolution(WriteOptions& write, const po::variables_map& given, OutputFormat format) {
    const bool any = given.count("dpi") || given.count("scale");
    if (any && format != OutputFormat::png)
        throw UsageError{"--dpi and --scale apply to PNG output"};
    if (given.count("dpi")) write.raster.dpi = given["dpi"].as<double>();
    if (given.count("scale")) write.raster.scale = given["scale"].as<double>();
    write.fit_raster = !any;  // to_png checks the values
}

// The document's font and size for a .tex figure (with_document_text): only the flags choose
// others, and a font from the defaults or the preset gives way silently.
Options document_text_options(Options options, const LatexDocument& document,
                              const po::variables_map& given, const std::string& model_path,
                              Warnings& warnings) {
    Options inherited;
    if (given.count("view"))
        set_option(inherited, "view", given["view"].as<std::string>(), "--view");
    if (given.count("preset")) apply_preset(inherited, given["preset"].as<std::string>());
    const ChosenText chosen{given.count("font") != 0, given.count("font-size") != 0};
    const std::string source =
        given.count("options") ? given["options"].as<std::string>() : model_path;
    // An option file's preset is made knowing the document governs, as the flag's is.
    if (given.count("options")) {
        const std::string preset = options_file_preset(source);
        if (!preset.empty()) apply_preset(inherited, preset);
    }
    return strata::with_document_text(std::move(options), document, chosen, inherited, source,
                                      warnings);
}

// Warnings of a part that does not know the file they concern are about `file`.
void name_unplaced_warnings(Warnings& warnings, const std::string& file) {
    for (Warning& w : warnings) {
        if (w.where.empty()) w.where = file;
    }
}

}  // namespace

int run_render(const std::vector<std::string>& args) {
    const po::options_description all = command_flags("render");
    const po::variables_map given = parse_model_command(args, all);
    if (given.count("help")) {
        std::cout << all << "\n" << command_info("render").details;
        return 0;
    }
    const std::string model_path = model_argument(given, "render");
    const ImportOptions import = import_options(given);
    // A model spec may carry options (never the output); the preset, option file and flags
    // come on top.
    // A bad flag or option file fails before the model, however large, is read.
    (void)resolve_options(given, Options{});
    const Options model_options = options_of_model_file(model_path, import);
    Options options = resolve_options(given, model_options);
    const std::string output =
        given.count("output") ? given["output"].as<std::string>() : options.to_file;
    const bool frames = given.count("frames") != 0;
    if (output.empty() && !frames) throw UsageError{"render needs an output file: -o OUT.svg"};
    const OutputFormat format =
        output.empty()
            ? OutputFormat::svg
            : format_of(output, given.count("format") ? given["format"].as<std::string>() : "");
    WriteOptions write;
    set_png_resolution(write, given, format);
    const LatexRequest latex = latex_request(given, format == OutputFormat::tex);
    Warnings warnings;
    if (format == OutputFormat::tex) {
        options =
            document_text_options(std::move(options), latex.document, given, model_path, warnings);
    }
    write.tikz = latex.tikz;
    write.svg = SvgOptions{options.compat_visualkeras};
    const SvgOptions& svg = write.svg;

    // Before any work: a bad output, or one that would replace a file this run reads, fails
    // fast.
    const std::vector<std::string> inputs = files_read(model_path, given, options);
    if (output != "-" && !output.empty()) check_output_path(output, inputs);
    const std::string frames_folder = frames ? given["frames"].as<std::string>() : "";
    if (frames) check_frames_folder(frames_folder, inputs);
    if (frames && output != "-" && !output.empty())
        check_output_beside_frames(output, frames_folder);
    Model model = load_model(model_path, warnings, import);
    warn_unused_option_names(model, options, warnings);
    std::string preset = given.count("preset") ? given["preset"].as<std::string>() : "";
    if (preset.empty() && given.count("options"))
        preset = options_file_preset(given["options"].as<std::string>());
    warn_options_unused_by_view(options, preset, warnings);
    warn_options_needing_others(options, preset, warnings);
    Scene scene;
    try {
        if (format == OutputFormat::tex) {
            FittedScene fitted = layout_for_latex(model, options, warnings);
            scene = std::move(fitted.scene);
            write.tikz.scale = fitted.scale;
        } else {
            scene = layout_layered(model, options, warnings);
        }
    } catch (const Error& e) {
        // The layout does not know which file the model came from, and names an option that
        // no file placed by its key alone: the flag that gave it, else the model's file.
        if (e.file().empty()) throw Error(model_path, e.line(), e.column(), e.message());
        const auto& table = option_table();
        const auto option = std::find_if(table.begin(), table.end(),
                                         [&](const OptionInfo& o) { return o.key == e.file(); });
        if (option == table.end()) throw;
        if (given.count(option->flag)) throw Error("--" + option->flag, e.message());
        throw Error(model_path, option->key + ": " + e.message());
    }
    name_unplaced_warnings(warnings, model_path);
    // A .tex scene has its text sizes divided by the picture's scale: frames get their own.
    std::optional<Scene> own_frames;
    if (frames && format == OutputFormat::tex && write.tikz.scale != 1) {
        Warnings frame_warnings;
        own_frames = layout_layered(model, options, frame_warnings);
    }
    const Scene& frame_scene = own_frames ? *own_frames : scene;
    if (output.empty()) {
        print_level_note(scene, options, model_path);
        print_warnings(warnings);
        write_reveal_frames(frame_scene, frames_folder, svg);
        return 0;
    }
    const std::string output_name = output == "-" ? "standard output" : output;
    std::string bytes;
    try {
        bytes = write_scene(scene, format, write, warnings);
    } catch (const Error& e) {
        // Nor do the emitters know the output's name.
        if (!e.file().empty()) throw;
        throw Error(output_name, e.line(), e.column(), e.message());
    }
    name_unplaced_warnings(warnings, output_name);
    print_level_note(scene, options, model_path);
    print_warnings(warnings);
    if (output == "-") {
        if (frames) write_reveal_frames(frame_scene, frames_folder, svg);
        write_standard_output(bytes);
    } else if (frames) {
        // The frames and the output are published together, or neither.
        write_file_and_frames_atomically(output, bytes, frame_scene, frames_folder, svg);
    } else {
        write_file_atomically(output, bytes);
    }
    return 0;
}

}  // namespace strata::cli
