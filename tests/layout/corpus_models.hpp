#pragma once

// The corpus models that figure sweeps draw: Keras JSON and ONNX with shapes (the .noshapes
// copies give the same graph), not the hostile or generated ones, as "keras/NAME" paths
// under STRATA_CORPUS_DIR, sorted.

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace strata::test {

inline std::vector<std::string> corpus_models(bool with_onnx) {
    namespace fs = std::filesystem;
    std::vector<std::string> models;
    const fs::path root = STRATA_CORPUS_DIR;
    for (const std::string folder : {"keras", "onnx"}) {
        if (folder == "onnx" && !with_onnx) continue;
        for (const auto& entry : fs::directory_iterator(root / folder)) {
            const std::string name = entry.path().filename().string();
            const bool wanted = folder == "keras"
                                    ? entry.path().extension() == ".json"
                                    : entry.path().extension() == ".onnx" &&
                                          name.find(".noshapes.") == std::string::npos;
            if (entry.is_regular_file() && wanted) models.push_back(folder + "/" + name);
        }
    }
    std::sort(models.begin(), models.end());
    return models;
}

// Every model file of the corpus, as full paths, sorted: Keras files, the generated ones (the
// deep and wide chains among them) and ONNX files, with and without shapes, but not the
// reference shape listings.
inline std::vector<std::filesystem::path> every_corpus_model_file() {
    namespace fs = std::filesystem;
    std::vector<fs::path> models;
    for (const char* folder : {"keras", "generated", "onnx"}) {
        for (const auto& entry : fs::directory_iterator(fs::path(STRATA_CORPUS_DIR) / folder)) {
            const std::string name = entry.path().filename().string();
            const std::string ext = entry.path().extension().string();
            if ((ext == ".json" || ext == ".onnx") && name.find(".shapes.") == std::string::npos)
                models.push_back(entry.path());
        }
    }
    std::sort(models.begin(), models.end());
    return models;
}

}  // namespace strata::test
