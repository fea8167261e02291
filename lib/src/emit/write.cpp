// The emitter for each output format.

#include "strata/write.hpp"

#include <cctype>

#include "strata/emit.hpp"

namespace strata {

std::optional<OutputFormat> output_format_named(std::string_view name) {
    if (name == "svg") return OutputFormat::svg;
    if (name == "json") return OutputFormat::scene_json;
    if (name == "png") return OutputFormat::png;
    if (name == "pdf") return OutputFormat::pdf;
    if (name == "tex") return OutputFormat::tex;
    return std::nullopt;
}

std::optional<OutputFormat> output_format_of_file(std::string_view path) {
    const auto dot = path.rfind('.');
    // A dot in a folder's name is no extension.
    const auto slash = path.find_last_of('/');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
        return std::nullopt;
    std::string extension(path.substr(dot + 1));
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return output_format_named(extension);
}

std::string write_scene(const Scene& scene, OutputFormat format, const WriteOptions& options,
                        Warnings& warnings) {
    switch (format) {
        case OutputFormat::svg:
            return to_svg(scene, options.svg);
        case OutputFormat::scene_json:
            return to_scene_json(scene);
        case OutputFormat::png:
            return to_png(
                scene,
                options.fit_raster ? fit_raster(scene, options.raster, warnings) : options.raster,
                warnings);
        case OutputFormat::pdf:
            return to_pdf(scene, warnings);
        case OutputFormat::tex:
            return to_tikz(scene, options.tikz, warnings);
    }
    return {};
}

}  // namespace strata
