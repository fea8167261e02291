#include "layout/decorations/image_store.hpp"

#include <cmath>

#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/printable.hpp"

namespace strata::layout {
namespace {

bool is_raster(const Picture& picture) {
    return picture.mime_type == "image/png" || picture.mime_type == "image/jpeg";
}

std::string mib(std::size_t bytes) {
    return std::to_string((bytes + (std::size_t{1} << 20) - 1) >> 20) + " MiB";
}

std::string whole(double pixels) {
    return std::to_string(static_cast<long long>(std::ceil(pixels)));
}

}  // namespace

const Picture* ImageStore::load(const std::string& name, std::string& error) {
    auto it = pictures_.find(name);
    if (it == pictures_.end()) {
        std::variant<Picture, std::string> loaded;
        try {
            Picture picture = source_.load(name);
            // Whatever served it, an SVG picture is embedded only as drawing content.
            if (picture.mime_type == "image/svg+xml")
                picture.data = sanitize_svg_picture(picture.data.str(), name);
            loaded = std::move(picture);
        } catch (const Error& e) {
            loaded = std::string(e.what());
        }
        if (const auto* picture = std::get_if<Picture>(&loaded)) count(name, *picture);
        it = pictures_.emplace(name, std::move(loaded)).first;
    }
    if (const auto* picture = std::get_if<Picture>(&it->second)) return picture;
    error = std::get<std::string>(it->second);
    return nullptr;
}

// Counted once per distinct picture: placing it again costs no memory.
void ImageStore::count(const std::string& name, const Picture& picture) {
    const std::size_t bytes = bytes_ + picture.data.size();
    if (bytes > limits::kMaxFigurePictureBytes) {
        throw picture_error(name,
                            "with this picture the figure's pictures would take " + mib(bytes) +
                                " of files; at most " + mib(limits::kMaxFigurePictureBytes) +
                                " are allowed together (use fewer or smaller pictures)",
                            "");
    }
    const double pixels = pixels_ + (is_raster(picture) ? picture.width * picture.height : 0);
    if (pixels > limits::kMaxFigurePicturePixels) {
        throw picture_error(name,
                            "with this picture the figure's pictures would hold " + whole(pixels) +
                                " pixels; at most " + whole(limits::kMaxFigurePicturePixels) +
                                " are allowed together (use fewer or smaller pictures)",
                            "");
    }
    bytes_ = bytes;
    pixels_ = pixels;
}

Error ImageStore::failure(const std::string& name, const std::string& error,
                          const std::string& use) const {
    return picture_error(name, without_path(error, name), use);
}

Error ImageStore::picture_error(const std::string& name, const std::string& problem,
                                const std::string& use) const {
    const OptionPlace* place = places_ ? places_->find(name) : nullptr;
    if (place == nullptr) return Error(name, use.empty() ? problem : use + ": " + problem);
    std::string message = place->option + ": image " + quoted_text(place->written);
    if (problem != missing_picture_message()) {
        message += ": " + problem;
    } else {
        message += " not found";
        // The one thing the path alone does not say.
        if (!place->written.starts_with('/'))
            message += " (a path relative to the folder of " + quoted_text(place->file) + ")";
    }
    return Error(place->file, place->line, place->column, message);
}

std::string without_path(const std::string& error, const std::string& name) {
    const std::string prefix = name + ": ";
    return error.compare(0, prefix.size(), prefix) == 0 ? error.substr(prefix.size()) : error;
}

}  // namespace strata::layout
