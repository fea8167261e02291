#include "import/keras_json.hpp"

#include "import/json_document.hpp"
#include "import/json_locate.hpp"
#include "import/json_scan.hpp"
#include "import/model_builder.hpp"
#include "strata/error.hpp"

namespace strata {
namespace {

using json = nlohmann::ordered_json;

const json* string_member(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? &*it : nullptr;
}

bool starts_with(const std::string& text, std::string_view prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

// The Keras version the file states: next to the model, in a TensorFlow.js topology, or the
// tool that wrote a TensorFlow.js model.
std::string keras_version_of(const json& root, const json* topology, const json& model_object) {
    for (const json* holder : {&model_object, topology, &root}) {
        if (!holder) continue;
        if (const json* version = string_member(*holder, "keras_version")) {
            return version->get<std::string>();
        }
    }
    for (const char* key : {"generatedBy", "convertedBy"}) {
        if (const json* tool = string_member(root, key)) return tool->get<std::string>();
    }
    return {};
}

// Keras 3 writes "module" / "registered_name" beside every class_name.
bool has_keras3_markers(const json& model_object, const std::string& version) {
    return model_object.contains("module") || model_object.contains("registered_name") ||
           starts_with(version, "3.");
}

// With `layer_offsets`, the built model has the offset of each layer in the text.
keras::BuiltModel read_keras_model(std::string_view text, const std::string& file,
                                   Warnings& warnings, bool layer_offsets);

// The readers name a place as the JSON path of its value ("config.layers[2].config.units:
// ..."); an error that names one gets its line and column in the file too, found only now.
keras::BuiltModel read_located(std::string_view text, const std::string& file, Warnings& warnings,
                               bool layer_offsets) {
    try {
        return read_keras_model(text, file, warnings, layer_offsets);
    } catch (const Error& e) {
        if (e.line() != 0 || e.file() != file) throw;
        const std::size_t colon = e.message().find(": ");
        if (colon == std::string::npos) throw;
        const std::optional<keras::TextPosition> at =
            keras::locate_json_path(text, std::string_view(e.message()).substr(0, colon));
        if (!at) throw;
        throw Error(file, at->line, at->column, e.message());
    }
}

}  // namespace

Model read_keras_json(std::string_view text, const std::string& file, Warnings& warnings) {
    return std::move(read_located(text, file, warnings, false).model);
}

Model read_keras_json_file(std::string_view text, const std::string& file, Warnings& warnings) {
    keras::BuiltModel built = read_located(text, file, warnings, true);
    // Offsets count from after a byte order mark, as lines and columns do.
    const std::vector<std::optional<keras::TextPosition>> places =
        keras::positions_of(json_scan::strip_byte_order_mark(text), built.layer_offsets);
    for (std::size_t i = 0; i < places.size() && i < built.model.layers.size(); ++i) {
        if (!places[i]) continue;
        built.model.layers[i].line = places[i]->line;
        built.model.layers[i].column = places[i]->column;
    }
    return std::move(built.model);
}

namespace {

keras::BuiltModel read_keras_model(std::string_view text, const std::string& file,
                                   Warnings& warnings, bool layer_offsets) {
    keras::ObjectOffsets offsets;
    json root = keras::parse_json_document(text, file, layer_offsets ? &offsets : nullptr);
    if (!root.is_object()) {
        throw Error(file, std::string("expected a JSON object describing a Keras model, found ") +
                              (root.is_array() ? "a list" : std::string("a ") + root.type_name()));
    }
    json* model_object = &root;
    json* topology = nullptr;
    std::string place;
    const auto topology_it = root.find("modelTopology");
    if (topology_it != root.end()) {
        if (!topology_it->is_object()) {
            throw Error(file, "modelTopology: expected the model as a JSON object");
        }
        topology = &*topology_it;
        model_object = topology;
        place = "modelTopology";
    }
    const auto config_it = model_object->find("model_config");
    if (config_it != model_object->end() && config_it->is_object()) {
        place = place.empty() ? "model_config" : place + ".model_config";
        model_object = &*config_it;
    }

    keras::BuiltModel built = keras::build_model(*model_object, place, file, warnings,
                                                 layer_offsets ? &offsets : nullptr);
    Model& model = built.model;
    model.keras_version = keras_version_of(root, topology, *model_object);
    if (topology) {
        model.format = "tfjs-model";
    } else if (built.keras1_vocabulary || starts_with(model.keras_version, "1.")) {
        model.format = "keras1-json";
    } else if (has_keras3_markers(*model_object, model.keras_version)) {
        model.format = "keras3-config";
    } else {
        model.format = "keras-json";
    }
    return built;
}

}  // namespace

}  // namespace strata
