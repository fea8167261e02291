#pragma once

#include <string>
#include <string_view>

#include "strata/diagnostics.hpp"
#include "strata/model.hpp"

namespace strata {

// Reads a Keras 2 / tf.keras HDF5 model file: the architecture from the root attribute
// `model_config`, and `keras_version`, `backend` beside it. Weights are never read and links
// never followed. HDF5 is not safe on malformed files, so the library runs only in an
// isolated child process; if that child fails the error is "FILE: malformed HDF5 file".
// Errors inside the configuration name "FILE/model_config".
Model read_keras_hdf5_file(const std::string& path, Warnings& warnings);

// The same for a file already in memory (opened as an HDF5 file image).
Model read_keras_hdf5_bytes(std::string_view bytes, const std::string& source_name,
                            Warnings& warnings);

}  // namespace strata
