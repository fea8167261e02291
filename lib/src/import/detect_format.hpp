#pragma once

#include <string_view>

namespace strata {

// The kinds of model file strata tells apart by their first bytes.
enum class ModelFormat {
    keras_archive,  // a zip archive: Keras 3 .keras
    hdf5,           // Keras 2 / tf.keras .h5
    onnx,           // a protobuf message starting like an ONNX ModelProto
    json,           // Keras or TensorFlow.js JSON
    yaml_spec,      // a strata YAML model spec (a YAML mapping)
    pytorch,        // a PyTorch checkpoint (.pt, .pth): torch.save's zip, or a bare pickle
    unknown
};

// Recognises a model file by its content, not its name. `head` is the start of the file;
// 512 bytes are enough, more for an HDF5 file with a user block (its signature follows it,
// at 512, 1024, 2048 ... bytes).
ModelFormat detect_format(std::string_view head);

// A short name of the format for messages: "a zip archive (.keras)", "HDF5 (.h5)" ...
std::string_view format_description(ModelFormat format);

}  // namespace strata
