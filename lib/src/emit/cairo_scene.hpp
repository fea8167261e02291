#pragma once

#include <cairo.h>

#include "emit/cairo_image.hpp"
#include "strata/scene.hpp"

namespace strata::emit {

// Paints a scene onto a cairo context whose user space is the scene's pixels: background,
// then every group's primitives in paint order, with the fill, stroke and text semantics of
// the SVG emitter. Pictures are decoded into `pictures`, which keeps them for the next paint
// of the same scene (a PNG is painted in strips). Leaves errors in the context's status.
void paint_scene(cairo_t* context, const Scene& scene, PictureSurfaces& pictures);

}  // namespace strata::emit
