// Loads a model and writes its SVG and PNG through the installed public API only.
#include <strata/emit.hpp>
#include <strata/import.hpp>
#include <strata/layout.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    strata::Warnings warnings;
    strata::Model model = strata::load_model(argv[1], warnings);
    strata::Scene scene = strata::layout_layered(model, strata::Options{}, warnings);
    std::string svg = strata::to_svg(scene);
    std::string png = strata::to_png(scene);
    std::cout << model.layers.size() << " layers, " << scene.groups.size() << " groups, "
              << (svg.find("<svg") != std::string::npos ? "svg" : "no svg") << ", "
              << (png.rfind("\x89PNG", 0) == 0 ? "png" : "no png") << "\n";
    return svg.empty() ? 1 : 0;
}
