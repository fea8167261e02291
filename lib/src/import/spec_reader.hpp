#pragma once

#include <string>
#include <string_view>

#include "strata/diagnostics.hpp"
#include "strata/import_options.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"

namespace strata {

// What a strata YAML model spec holds: the layers, and the drawing options it sets.
struct ModelSpec {
    Model model;      // shapes set where the spec states them; the rest is left to inference
    Options options;  // the defaults, then the spec's `options`, then per-layer captions/styles
};

// Reads a YAML model spec:
//   strata: 1
//   model: NAME
//   options: {option: value ...}
//   layers:
//     - {name, type, inputs, shape | shapes, params, config, caption, style, implicit, parent}
//     - Conv2D: {filters: 64, kernel_size: 3}     # the short form: type, then its config
// A layer without `inputs` reads the layer before it (none for the first and for InputLayer).
// `config` holds the Keras configuration and is read with the same rules as a Keras file; a
// first layer that is not an InputLayer may declare `input_shape` there, as in Keras.
// Files its options name must lie in the spec's folder unless `import.allow_model_paths`; an
// option naming an output is ignored with a warning. Throws strata::Error at the YAML line and
// column.
ModelSpec read_model_spec(std::string_view text, const std::string& source_name, Warnings& warnings,
                          const ImportOptions& import = {});

}  // namespace strata
