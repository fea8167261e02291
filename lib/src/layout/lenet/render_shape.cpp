#include "layout/lenet/render_shape.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace strata::layout {
namespace {

std::int64_t known(Dim d) {
    return d == kUnknownDim ? 1 : d;
}

// Products of huge dimensions stay finite: a vector's units only label and count maps.
std::int64_t product(const std::vector<Dim>& dims) {
    constexpr std::int64_t kLargest = std::int64_t{1} << 53;
    std::int64_t units = 1;
    for (Dim d : dims) {
        const std::int64_t v = known(d);
        units = v != 0 && units > kLargest / std::max<std::int64_t>(v, 1) ? kLargest : units * v;
    }
    return units;
}

}  // namespace

RenderShape render_shape(const Layer& layer, bool every_sequence) {
    if (layer.shapes.empty()) return {};
    const Shape& shape = layer.shapes.front();
    // The batch is dropped; a shape of one dimension is all there is.
    const std::vector<Dim> dims =
        shape.size() > 1 ? std::vector<Dim>(shape.begin() + 1, shape.end()) : shape;
    if (dims.size() == 3) {
        const bool channels_first = layer.channel_axis && *layer.channel_axis == 1;
        if (channels_first) return {true, known(dims[1]), known(dims[2]), known(dims[0])};
        return {true, known(dims[0]), known(dims[1]), known(dims[2])};
    }
    if (dims.size() == 2 && every_sequence) {
        const bool channels_first = layer.channel_axis && *layer.channel_axis == 1;
        if (channels_first) return {true, 1, known(dims[1]), known(dims[0])};
        return {true, 1, known(dims[0]), known(dims[1])};
    }
    if (dims.size() == 2) {
        std::string type = layer.type;
        std::transform(type.begin(), type.end(), type.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        if (type.find("conv1d") != std::string::npos || type.find("pool1d") != std::string::npos)
            return {true, 1, known(dims[0]), known(dims[1])};
    }
    return {false, 1, 1, product(dims)};
}

}  // namespace strata::layout
