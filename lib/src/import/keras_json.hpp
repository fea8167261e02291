#pragma once

#include <string>
#include <string_view>

#include "strata/diagnostics.hpp"
#include "strata/model.hpp"

namespace strata {

// Reads a Keras model saved as JSON: Keras 1 and 2 `to_json()`, Keras 3 `config.json` /
// `to_json()`, TensorFlow.js `model.json` (weights are never read), also when the whole
// document is a JSON string holding the model. Layers come in file order with nested models
// flattened; shapes are set on input layers only. Throws strata::Error naming `file` and the
// place (line and column for syntax errors, a JSON path otherwise).
Model read_keras_json(std::string_view text, const std::string& file, Warnings& warnings);

// read_keras_json for a model file that is the JSON text itself: each layer also gets the line
// and column of its definition in `text`, so that later messages about it (shape inference)
// name the place as the reader's own do. Text inside another file (an archive member, an HDF5
// attribute) has no line of that file, so those readers use read_keras_json.
Model read_keras_json_file(std::string_view text, const std::string& file, Warnings& warnings);

}  // namespace strata
