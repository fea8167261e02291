#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "import/onnx/read_onnx.hpp"

namespace onnx_test {

inline const std::filesystem::path kCorpus = std::filesystem::path(STRATA_CORPUS_DIR) / "onnx";

inline std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The architectures of the corpus: every NAME with a NAME.shapes.json reference.
inline std::vector<std::string> corpus_names() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(kCorpus)) {
        const std::string file = entry.path().filename().string();
        const std::string suffix = ".shapes.json";
        if (file.size() > suffix.size() && file.ends_with(suffix))
            names.push_back(file.substr(0, file.size() - suffix.size()));
    }
    std::sort(names.begin(), names.end());
    return names;
}

inline strata::Model read_corpus_model(const std::string& file, bool raw = false) {
    strata::Warnings warnings;
    const std::string path = (kCorpus / file).string();
    return strata::read_onnx(read_bytes(kCorpus / file), path, warnings, raw);
}

}  // namespace onnx_test
