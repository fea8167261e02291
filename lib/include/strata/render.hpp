#pragma once

#include <string>
#include <string_view>

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

// Writes a scene as JSON: canvas, then each group's id, role, name, type, box and colours.
std::string to_scene_json(const Scene& scene);

// Each layer's name, type, inputs and output shapes as JSON (what `strata info --json` prints).
std::string to_info_json(const Model& model);

// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
// failed write never leaves a half-written file. Throws strata::Error.
void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace strata
