// strata: draws neural-network architectures as layered diagrams.
#include <boost/program_options/errors.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "strata/error.hpp"
#include "strata/printable.hpp"

namespace {

constexpr const char* kUsage = R"(usage: strata COMMAND [ARGS]

Draws a neural-network model file as a layered diagram.

Commands:
  render MODEL -o OUT [options]   draw MODEL into OUT (.svg .png .pdf .tex, or .json for the scene)
  info MODEL [--json]             list each layer's name, type, inputs and output shape
  options [--preset P] [options]  print the options in force as a YAML option file
  spec MODEL [-o OUT] [options]   write MODEL and the options as an editable YAML model spec

Examples:
  strata render vgg16.json -o vgg16.svg
  strata render vgg16.json -o vgg16.png --scale 2
  strata render vgg16.json -o vgg16.tex --width 3.3in --legend
  strata render vgg16.json -o vgg16.svg --type-ignore InputLayer,Dropout --text-callable name
  strata render model.json -o fig.svg --options figure.yaml --no-draw-volume
  strata render model.json -o scene.json --sizing-mode balanced
  strata render model.json -o fig.svg --preset presentation
  strata options --preset compact > figure.yaml
  strata info model.json --json
  strata spec model.h5 > model.yaml && strata render model.yaml -o fig.svg

Run 'strata render --help' for every drawing option.
)";

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.empty()) {
            std::cerr << kUsage;
            return 2;
        }
        std::string command = args.front();
        args.erase(args.begin());
        if (command == "--help" || command == "-h" || command == "help") {
            std::cout << kUsage;
            return 0;
        }
        if (command == "--version") {
            std::cout << "strata " << STRATA_VERSION << "\n";
            return 0;
        }
        if (command == "render") return strata::cli::run_render(args);
        if (command == "info") return strata::cli::run_info(args);
        if (command == "options") return strata::cli::run_options(args);
        if (command == "spec") return strata::cli::run_spec(args);
        throw strata::cli::UsageError{"unknown command '" + command +
                                      "' (expected render, info, options or spec)"};
    } catch (const strata::cli::UsageError& e) {
        std::cerr << "strata: usage error: " << strata::printable_line(e.message)
                  << "\nRun 'strata --help' for usage.\n";
        return 2;
    } catch (const boost::program_options::error& e) {
        std::cerr << "strata: usage error: " << strata::printable_line(e.what())
                  << "\nRun 'strata --help' for usage.\n";
        return 2;
    } catch (const strata::Error& e) {
        std::cerr << "strata: error: " << e.what() << "\n";
        return 1;
    } catch (const std::bad_alloc&) {
        std::cerr << "strata: error: out of memory\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "strata: error: " << strata::printable_line(e.what()) << "\n";
        return 1;
    }
}
