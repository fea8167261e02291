#include "layout/decorations/image_store.hpp"

#include "strata/error.hpp"

namespace strata::layout {

const Picture* ImageStore::load(const std::string& name, std::string& error) {
    auto it = pictures_.find(name);
    if (it == pictures_.end()) {
        try {
            it = pictures_.emplace(name, source_.load(name)).first;
        } catch (const Error& e) {
            it = pictures_.emplace(name, std::string(e.what())).first;
        }
    }
    if (const auto* picture = std::get_if<Picture>(&it->second)) return picture;
    error = std::get<std::string>(it->second);
    return nullptr;
}

std::string without_path(const std::string& error, const std::string& name) {
    const std::string prefix = name + ": ";
    return error.compare(0, prefix.size(), prefix) == 0 ? error.substr(prefix.size()) : error;
}

}  // namespace strata::layout
