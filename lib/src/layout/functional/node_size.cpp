#include "layout/functional/node_size.hpp"

#include <algorithm>
#include <cmath>

#include "layout/layered/box_size.hpp"

namespace strata::layout::functional {

FaceSize face_size(const Layer& layer, const SizeLimits& limits, const Options& options) {
    const BoxSize box = box_size(box_dims(layer), limits, options);
    FaceSize face{std::max(limits.min_xy, std::trunc(box.z)),
                  std::max(limits.min_xy, std::trunc(box.y))};
    if (!options.compat_visualkeras)
        face.height = std::min(face.height, std::max(limits.max_z, limits.min_xy));
    return face;
}

}  // namespace strata::layout::functional
