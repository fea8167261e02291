#pragma once

#include <vector>

#include "layout/decorations/face_pictures.hpp"
#include "layout/layered/box_size.hpp"
#include "layout/layered/drawn_box.hpp"
#include "strata/diagnostics.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"

namespace strata::layout {

// How a figure fitted to a width is drawn smaller: every box size multiplied by
// `size_factor`, rows no wider than `width_limit` px (0 for none).
struct BoxScale {
    double size_factor = 1;
    double width_limit = 0;
};

// The limits of `limits` for boxes shrunk by `size_factor`; the thinnest side stays legible.
SizeLimits scaled_limits(SizeLimits limits, double size_factor);

// The boxes of the layers that are drawn, in model order (§2, §3): style, size (reshaped by
// the layer's picture), depth, colours, and the left edge of each along the classic chain,
// with the gaps of spacing dummies and group clearances. Captions are not measured yet.
std::vector<DrawnBox> drawn_boxes(const Model& model, const Options& options, BoxScale scale,
                                  FacePictures& pictures);

}  // namespace strata::layout
