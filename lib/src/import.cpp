#include "strata/import.hpp"

#include <string>
#include <unordered_map>

#include "strata/error.hpp"

#include "import/connection_limit.hpp"
#include "import/load.hpp"
#include "shapes/infer.hpp"

namespace strata {

namespace {

// Shape inference knows the model, not the file it came from: name the file in its errors
// and warnings.
void infer_shapes_of(Model& model, const std::string& source_name, Warnings& warnings) {
    const std::size_t first = warnings.size();
    try {
        infer_shapes(model, warnings);
    } catch (const Error& e) {
        throw Error(source_name, e.line(), e.column(), e.message());
    }
    // A warning about a layer the file places (a spec's) names its line and column.
    std::unordered_map<std::string, std::size_t> index_of;
    for (std::size_t i = first; i < warnings.size(); ++i) {
        Warning& w = warnings[i];
        if (!w.where.empty()) continue;
        w.where = source_name;
        if (w.layer.empty()) continue;
        if (index_of.empty()) {
            for (std::size_t k = model.layers.size(); k-- > 0;) index_of[model.layers[k].name] = k;
        }
        const auto found = index_of.find(w.layer);
        if (found == index_of.end()) continue;
        const Layer& layer = model.layers[found->second];
        if (layer.line == 0) continue;
        w.where += ":" + std::to_string(layer.line) + ":" + std::to_string(layer.column);
    }
}

}  // namespace

Model load_model(const std::string& path, Warnings& warnings) {
    return load_model(path, warnings, ImportOptions{});
}

Model load_model(const std::string& path, Warnings& warnings, const ImportOptions& import) {
    Model model = import_model_file(path, warnings, import);
    check_connection_count(model, path);
    infer_shapes_of(model, path, warnings);
    return model;
}

Model parse_model(std::string_view bytes, const std::string& source_name, Warnings& warnings) {
    return parse_model(bytes, source_name, warnings, ImportOptions{});
}

Model parse_model(std::string_view bytes, const std::string& source_name, Warnings& warnings,
                  const ImportOptions& import) {
    Model model = import_model_bytes(bytes, source_name, warnings, import);
    check_connection_count(model, source_name);
    infer_shapes_of(model, source_name, warnings);
    return model;
}

}  // namespace strata
