#include "image/image_store.hpp"

#include "strata/error.hpp"

namespace strata::layout {

const image::ImageFile* ImageStore::load(const std::string& path, std::string& error) {
    auto it = files_.find(path);
    if (it == files_.end()) {
        try {
            it = files_.emplace(path, image::read_image(path)).first;
        } catch (const Error& e) {
            it = files_.emplace(path, std::string(e.what())).first;
        }
    }
    if (const auto* file = std::get_if<image::ImageFile>(&it->second)) return file;
    error = std::get<std::string>(it->second);
    return nullptr;
}

std::string without_path(const std::string& error, const std::string& path) {
    const std::string prefix = path + ": ";
    return error.compare(0, prefix.size(), prefix) == 0 ? error.substr(prefix.size()) : error;
}

}  // namespace strata::layout
