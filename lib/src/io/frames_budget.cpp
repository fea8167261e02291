#include "io/frames_budget.hpp"

#include <algorithm>
#include <map>
#include <utility>
#include <variant>

#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/printable.hpp"

namespace strata::io {
namespace {

std::string limit_text() {
    return std::to_string(limits::kMaxFramesBytes >> 20) + " MiB";
}

std::string mib(std::uint64_t bytes) {
    return std::to_string((bytes + (std::uint64_t{1} << 20) - 1) >> 20) + " MiB";
}

// How many bytes a picture takes embedded in an SVG frame: base64 of its file.
std::uint64_t embedded_bytes(const Image& image) {
    return (std::uint64_t{image.data.size()} + 2) / 3 * 4;
}

struct EmbeddedPicture {
    const Image* image = nullptr;
    int first_step = 0;  // the first frame that shows it
};

}  // namespace

FramesBudget::FramesBudget(const Scene& scene, const std::vector<int>& steps, int count,
                           std::string folder)
    : folder_(std::move(folder)), count_(count) {
    std::map<const void*, EmbeddedPicture> pictures;  // by the identity of their bytes
    for (std::size_t i = 0; i < scene.groups.size(); ++i) {
        const int step = std::max(steps[i], 1);
        for (const Primitive& primitive : scene.groups[i].items) {
            const Image* image = std::get_if<Image>(&primitive);
            if (image == nullptr || image->linked || image->data.empty()) continue;
            auto [it, added] =
                pictures.try_emplace(image->data.identity(), EmbeddedPicture{image, step});
            if (!added && step < it->second.first_step) it->second.first_step = step;
        }
    }
    std::uint64_t total = 0;
    const EmbeddedPicture* largest = nullptr;
    std::uint64_t largest_bytes = 0;
    for (const auto& [identity, picture] : pictures) {
        if (picture.first_step > count) continue;  // in no frame
        const std::uint64_t bytes = embedded_bytes(*picture.image) *
                                    static_cast<std::uint64_t>(count - picture.first_step + 1);
        total += bytes;
        if (bytes > largest_bytes) {
            largest = &picture;
            largest_bytes = bytes;
        }
    }
    if (total > limits::kMaxFramesBytes) {
        throw Error(folder_, "--frames: the frames would hold more than " + limit_text() +
                                 " together: the picture " + quoted_text(largest->image->file) +
                                 " (" + mib(embedded_bytes(*largest->image)) + " embedded) is in " +
                                 std::to_string(count - largest->first_step + 1) + " of the " +
                                 std::to_string(count) +
                                 " frames; refer to the pictures instead (--link-images)");
    }
}

void FramesBudget::check_lower_bound(std::uint64_t at_least) const {
    if (at_least > limits::kMaxFramesBytes) {
        throw Error(folder_, "--frames: the " + std::to_string(count_) +
                                 " frames would hold more than " + limit_text() +
                                 " together (at least " + mib(at_least) +
                                 ": frame k shows k layers); draw fewer layers, or refer to the "
                                 "pictures (--link-images)");
    }
}

void FramesBudget::take(std::size_t bytes) {
    used_ += bytes;
    if (used_ > limits::kMaxFramesBytes) {
        throw Error(folder_, "--frames: the " + std::to_string(count_) +
                                 " frames would hold more than " + limit_text() +
                                 " together (frame k shows k layers, and every picture it "
                                 "shows); draw fewer layers, or refer to the pictures "
                                 "(--link-images)");
    }
}

}  // namespace strata::io
