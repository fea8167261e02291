#include "layout/layered/channels_last.hpp"

#include <algorithm>

namespace strata::layout {

Shape channels_last(const Layer& layer, const Shape& shape) {
    Shape drawn = shape;
    if (!layer.channel_axis) return drawn;
    const std::size_t axis = *layer.channel_axis;
    if (axis == 0 || axis >= drawn.size()) return drawn;  // the batch, or an axis it lacks
    std::rotate(drawn.begin() + static_cast<std::ptrdiff_t>(axis),
                drawn.begin() + static_cast<std::ptrdiff_t>(axis) + 1, drawn.end());
    return drawn;
}

}  // namespace strata::layout
