#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "strata/diagnostics.hpp"
#include "strata/emit_options.hpp"
#include "strata/scene.hpp"

// A finished scene as the bytes of an output file, in whichever format is asked: the one place
// that picks the emitter, for the command line and the Python package alike.

namespace strata {

enum class OutputFormat { svg, scene_json, png, pdf, tex };

// The format a name stands for: "svg", "json" (the scene as JSON), "png", "pdf" or "tex";
// nothing for any other name.
std::optional<OutputFormat> output_format_named(std::string_view name);

// The format a file name's extension stands for, in any case (".svg" → svg, ".JSON" →
// scene_json, ...); nothing for a name without one of those extensions.
std::optional<OutputFormat> output_format_of_file(std::string_view path);

// How each format is written; a format reads only its own part.
struct WriteOptions {
    SvgOptions svg;
    TikzOptions tikz;
    RasterOptions raster;
    // PNG: lower the resolution, with a warning, when the image would exceed the limits
    // (fit_raster), rather than refusing it. For a resolution nobody asked for.
    bool fit_raster = true;
};

// The scene in `format`. Warnings of the emitter (pictures left out, a resolution lowered, a
// PDF page scaled down) are added to `warnings`. Throws strata::Error as the emitter does.
std::string write_scene(const Scene& scene, OutputFormat format, const WriteOptions& options,
                        Warnings& warnings);

}  // namespace strata
