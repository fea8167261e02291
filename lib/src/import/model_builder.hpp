#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "import/json_tree_builder.hpp"
#include "strata/diagnostics.hpp"
#include "strata/model.hpp"

namespace strata::keras {

struct BuiltModel {
    Model model;                     // name, layers, inputs, outputs, submodels
    bool keras1_vocabulary = false;  // a Keras 1 class or key was renamed
    // Per layer of `model`, the JSON path of the object that defines it ("config.layers[2]").
    std::vector<std::string> layer_places;
    // Per layer of `model`, where that object opens in the text, when build_model was given
    // the offsets of the document's objects.
    std::vector<std::optional<std::size_t>> layer_offsets;
};

// Builds the flattened layer graph of a Keras model object {"class_name": "Sequential" |
// "Model" | "Functional", "config": ...}. `place` is the object's JSON path ("" at the root).
// Nested models are flattened in place; their input layers stand for the tensors fed to them.
// Each entry of a `layers` list is set to null once its layer is built: the object's other
// members stay as they were. `offsets`, when given, are those of the document's objects.
BuiltModel build_model(nlohmann::ordered_json& model_object, const std::string& place,
                       const std::string& file, Warnings& warnings,
                       ObjectOffsets* offsets = nullptr);

// True for the class names of Keras models (Sequential, Model, Functional).
bool is_model_class(const std::string& class_name);

}  // namespace strata::keras
