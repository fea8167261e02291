#pragma once

#include <string>

#include "strata/image_source.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

// How a picture fills its target (§8): stretched, fitted inside with transparent margins, or
// scaled to cover it with the overflow clipped.
enum class PictureFit { fill, contain, cover };

// How an `image_fit` places its picture: match_aspect stretches it (the box already has the
// picture's aspect, as in visualkeras).
PictureFit image_fit_from(strata::ImageFit fit);

// The picture placed on the parallelogram spanned by p0→p1 (its top edge) and p0→p3 (its left
// edge). The target is |p1−p0| × |p3−p0| pixels; the picture is fitted into it exactly (no
// pixel rounding: the output is vector) and mapped by the affine transform sending the
// target's corners to p0, p1 and p3. `cover` clips to the parallelogram when it overflows.
Image place_image(const Picture& file, Point p0, Point p1, Point p3, PictureFit fit,
                  std::string name, bool linked);

}  // namespace strata::layout
