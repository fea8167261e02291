#pragma once

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "strata/model.hpp"

namespace strata::testing {

// One layer of a reference `.shapes.json` (computed by TensorFlow.js layers).
struct ReferenceLayer {
    std::string parent;  // the enclosing nested model, "" at top level
    std::string name;
    std::string class_name;
    std::vector<Shape> output_shapes;  // null dimensions as kUnknownDim
};

struct Reference {
    std::filesystem::path model_file;  // the model the reference describes
    bool ok = false;
    std::vector<ReferenceLayer> layers;
};

inline Shape reference_shape(const nlohmann::json& dims) {
    Shape shape;
    for (const auto& dim : dims) shape.push_back(dim.is_null() ? kUnknownDim : dim.get<Dim>());
    return shape;
}

// Nested models list their own layers; they are flattened here, each naming its model.
inline void add_reference_layers(const nlohmann::json& layers, const std::string& parent,
                                 std::vector<ReferenceLayer>& out) {
    for (const auto& layer : layers) {
        ReferenceLayer entry;
        entry.parent = parent;
        entry.name = layer.at("name").get<std::string>();
        entry.class_name = layer.at("class_name").get<std::string>();
        if (layer.contains("output_shapes")) {
            for (const auto& shape : layer.at("output_shapes")) {
                entry.output_shapes.push_back(reference_shape(shape));
            }
        } else {
            entry.output_shapes.push_back(reference_shape(layer.at("output_shape")));
        }
        out.push_back(entry);
        if (layer.contains("layers")) add_reference_layers(layer.at("layers"), entry.name, out);
    }
}

inline Reference read_reference(const std::filesystem::path& shapes_file,
                                const std::filesystem::path& model_file) {
    std::ifstream stream(shapes_file);
    const nlohmann::json json = nlohmann::json::parse(stream);
    Reference reference;
    reference.model_file = model_file;
    reference.ok = json.value("ok", false);
    if (!reference.ok) return reference;
    add_reference_layers(json.at("layers"), "", reference.layers);
    return reference;
}

inline std::filesystem::path corpus_dir() {
    return STRATA_CORPUS_DIR;
}

// Every reference of the corpus, keras/ and generated/, in name order.
inline std::vector<Reference> corpus_references() {
    namespace fs = std::filesystem;
    std::vector<std::pair<fs::path, fs::path>> pairs;  // shapes file, model file
    const std::string suffix = ".shapes.json";
    for (const fs::path& folder : {corpus_dir() / "keras" / "shapes", corpus_dir() / "generated"}) {
        for (const auto& entry : fs::directory_iterator(folder)) {
            const std::string file = entry.path().filename().string();
            if (!file.ends_with(suffix)) continue;
            const std::string model = file.substr(0, file.size() - suffix.size()) + ".json";
            const fs::path model_folder =
                folder.filename() == "shapes" ? folder.parent_path() : folder;
            pairs.emplace_back(entry.path(), model_folder / model);
        }
    }
    std::sort(pairs.begin(), pairs.end());
    std::vector<Reference> references;
    for (const auto& [shapes_file, model_file] : pairs) {
        references.push_back(read_reference(shapes_file, model_file));
    }
    return references;
}

}  // namespace strata::testing
