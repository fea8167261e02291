#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/keras_json.hpp"
#include "strata/error.hpp"
#include "strata/model.hpp"

namespace import_test {

inline strata::Model read(std::string_view text, strata::Warnings* warnings = nullptr) {
    strata::Warnings ignored;
    return strata::read_keras_json(text, "model.json", warnings ? *warnings : ignored);
}

// The message of the strata::Error that reading `text` throws, or nullopt if none.
inline std::optional<strata::Error> read_error(std::string_view text) {
    try {
        read(text);
    } catch (const strata::Error& error) {
        return error;
    }
    return std::nullopt;
}

inline bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

inline const strata::Layer& layer(const strata::Model& model, const std::string& name) {
    const auto index = model.find(name);
    if (!index) throw std::runtime_error("no layer " + name);
    return model.layers[*index];
}

// Names of the layers feeding `name`.
inline std::vector<std::string> inputs_of(const strata::Model& model, const std::string& name) {
    std::vector<std::string> names;
    for (const auto& input : layer(model, name).inputs)
        names.push_back(model.layers[input.layer].name);
    return names;
}

}  // namespace import_test
