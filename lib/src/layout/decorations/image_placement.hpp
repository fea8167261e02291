#pragma once

#include <string>

#include "strata/image_source.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

// How a picture fills its target (§8): stretched, fitted inside with transparent margins, or
// scaled to cover it with the overflow clipped.
enum class ImageFit { fill, contain, cover };

// visualkeras stretches for every fit name other than contain and cover (match_aspect too).
ImageFit image_fit_from(const std::string& name);

// The picture placed on the parallelogram spanned by p0→p1 (its top edge) and p0→p3 (its left
// edge). The target is |p1−p0| × |p3−p0| pixels; the picture is fitted into it exactly (no
// pixel rounding: the output is vector) and mapped by the affine transform sending the
// target's corners to p0, p1 and p3. `cover` clips to the parallelogram when it overflows.
Image place_image(const Picture& file, Point p0, Point p1, Point p3, ImageFit fit, std::string name,
                  bool linked);

}  // namespace strata::layout
