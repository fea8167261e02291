#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "strata/diagnostics.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"

namespace strata {

// Reads a model file (the format is recognised from its content) and computes the output
// shape of every layer. Throws strata::Error naming the file and place on bad input.
Model load_model(const std::string& path, Warnings& warnings);

// The same from bytes already in memory; `source_name` is used in messages.
Model parse_model(std::string_view bytes, const std::string& source_name, Warnings& warnings);

// Lays out the layered view with the system's fonts (fontconfig, FreeType, HarfBuzz).
Scene layout_layered(const Model& model, const Options& options, Warnings& warnings);

// Writes a scene as an editable SVG document (one group per layer, Inkscape layers).
std::string to_svg(const Scene& scene);

// How a scene becomes pixels: at 96 dpi and scale 1 one scene pixel is one image pixel.
struct RasterOptions {
    double dpi = 96;
    double scale = 1;  // multiplies the dpi
};

// The largest image to_png writes: a side of at most kMaxRasterSide pixels (what common PNG
// readers accept) and at most kMaxRasterPixels pixels in all (1 GiB of 32-bit pixels).
inline constexpr int kMaxRasterSide = 32767;
inline constexpr long long kMaxRasterPixels = 1LL << 28;

// Draws a scene into a PNG image (antialiased, 8-bit RGBA, transparent where the background
// is) and returns the file's bytes. Throws strata::Error for a non-positive or non-finite
// dpi or scale, or an image larger than the limits above.
std::string to_png(const Scene& scene, const RasterOptions& options = {});

// Writes a scene as a one-page vector PDF sized to the figure (1 px = 0.75 pt), with the
// caption text selectable, its fonts embedded as subsets and the scene's title as metadata.
// The same scene always gives the same bytes.
std::string to_pdf(const Scene& scene);

// Writes a scene as JSON: canvas, then each group's id, role, name, type, box and colours.
std::string to_scene_json(const Scene& scene);

// Each layer's name, type, inputs and output shapes as JSON (what `strata info --json` prints).
std::string to_info_json(const Model& model);

// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
// failed write never leaves a half-written file. Throws strata::Error.
void write_file_atomically(const std::string& path, std::string_view bytes);

// Throws strata::Error unless `path` can be written as an output: its folder exists and is
// writable, and it is not a symbolic link, a directory, a read-only file or one of `inputs`.
void check_output_path(const std::string& path, const std::vector<std::string>& inputs);

}  // namespace strata
