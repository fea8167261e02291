#include "input/model_named_files.hpp"

#include <map>
#include <mutex>

#include "strata/printable.hpp"

namespace strata::io {
namespace {

struct Registry {
    std::mutex mutex;
    std::map<std::string, ModelFolderPath> paths;
};

Registry& registry() {
    static Registry instance;
    return instance;
}

}  // namespace

void confine_to_model_folder(const std::string& path, ModelFolderPath where) {
    Registry& r = registry();
    const std::lock_guard lock(r.mutex);
    r.paths.insert_or_assign(path, std::move(where));
}

std::optional<ModelFolderPath> model_folder_path(const std::string& path) {
    Registry& r = registry();
    const std::lock_guard lock(r.mutex);
    const auto it = r.paths.find(path);
    if (it == r.paths.end()) return std::nullopt;
    return it->second;
}

std::string outside_model_folder(const std::string& path) {
    return quoted_text(path) +
           " is outside the model file's folder; a model file may name only files in its own "
           "folder (--allow-model-paths lifts this)";
}

}  // namespace strata::io
