#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace strata {

// One tensor dimension; `kUnknownDim` for the batch and for anything that cannot be known.
using Dim = std::int64_t;
inline constexpr Dim kUnknownDim = -1;

// A tensor shape including the leading batch dimension, e.g. {-1, 224, 224, 3}.
using Shape = std::vector<Dim>;

// A configuration value of a layer. Nested lists of integers (cropping, padding pairs) are
// flattened; objects other than a wrapped layer are not kept.
using AttrValue = std::variant<bool, std::int64_t, double, std::string, std::vector<std::int64_t>,
                               std::vector<double>, std::vector<std::string>>;
using Attrs = std::map<std::string, AttrValue>;

// One output of one layer, as consumed by another layer.
struct TensorRef {
    std::size_t layer = 0;   // index into Model::layers
    std::size_t output = 0;  // which output of that layer
    bool operator==(const TensorRef&) const = default;
};

struct Layer {
    std::string name;
    std::string type;  // Keras class name (Keras 1 names normalised to Keras 2), or ONNX op type
    std::vector<TensorRef> inputs;  // producing tensors, in call order; empty for inputs
    // One entry per output. Empty when the shape cannot be known; then `shape_known` is false.
    std::vector<Shape> shapes;
    bool shape_known = false;
    // The axis of `shapes` that holds the channels, counting the batch as axis 0: 1 for a
    // channels-first tensor (ONNX's N, C, H, W; Keras' data_format channels_first). Unset when
    // the channels are the last axis, Keras' default. Shapes keep the file's order; only the
    // drawing moves the channel axis to a box's depth, so every model is drawn alike.
    std::optional<std::size_t> channel_axis;
    Attrs attrs;  // layer configuration, normalised keys (filters, kernel_size, units, ...)
    // Number of weights (trainable and not), when the layer type and its input shapes say.
    std::optional<std::int64_t> params;
    // True for an input layer the file does not list itself (the implicit input of a
    // Sequential model): it carries the input shape but is not one of the model's layers
    // as Keras enumerates them, so the layered view does not draw it.
    bool implicit = false;
    // Name of the enclosing nested model ("" at top level), for flattened sub-models.
    std::string parent;
    // Where the file defines the layer, 1-based, for messages about it; 0 when the reader
    // does not know (a model spec's layers have it).
    std::size_t line = 0;
    std::size_t column = 0;
};

// A model that was nested inside another and flattened into the parent's layer list.
struct Submodel {
    std::string name;
    std::string type;                // Functional, Model, Sequential
    std::vector<TensorRef> outputs;  // the tensors that leave it
};

struct Model {
    std::string name;
    std::string format;               // keras-json, keras3-config, tfjs-model, ...
    std::string keras_version;        // as written in the file, may be empty
    std::vector<Layer> layers;        // in the file's order, nested models flattened in place
    std::vector<std::size_t> inputs;  // indices of the input layers
    std::vector<TensorRef> outputs;   // the model's outputs
    std::vector<Submodel> submodels;

    // Index of the layer with this name, if any.
    std::optional<std::size_t> find(const std::string& layer_name) const;
};

// Reads an attribute of a given type; nullopt when it is missing or of another type.
template <typename T>
std::optional<T> attr(const Layer& layer, const std::string& key) {
    auto it = layer.attrs.find(key);
    if (it == layer.attrs.end()) return std::nullopt;
    if (const T* value = std::get_if<T>(&it->second)) return *value;
    return std::nullopt;
}

}  // namespace strata
