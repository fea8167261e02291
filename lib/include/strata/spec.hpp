#pragma once

#include <string>
#include <string_view>

#include "strata/import_options.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"

namespace strata {

// Writes a model and the options in force as a strata YAML model spec: `strata: 1`, the model
// name, the options that differ from the defaults, then every layer with its type, inputs,
// output shapes, weight count and configuration. A layer's own caption and style (entries of
// `captions` and `styles` keyed by its name) are written with the layer. Reading the spec back
// (load_model, options_of_model_file) gives the same layers and the same options, so it draws
// the same picture. The same input gives the same bytes.
std::string to_spec_yaml(const Model& model, const Options& options);

// The drawing options a model file carries: for a YAML model spec, the defaults with the
// spec's options and per-layer captions and styles applied; for any other format, the
// defaults. A model file never sets the output (`to_file` is left out), and the files it names
// must lie in its own folder unless `import.allow_model_paths`. Throws strata::Error as
// load_model does.
Options options_of_model_file(const std::string& path);
Options options_of_model_file(const std::string& path, const ImportOptions& import);
// The same for a model file's bytes already in memory (parse_model's), named `source_name` in
// messages; the files a spec names are then looked for in the working directory.
Options options_of_model_bytes(std::string_view bytes, const std::string& source_name,
                               const ImportOptions& import);

}  // namespace strata
