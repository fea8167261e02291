#pragma once

#include <cairo.h>

#include "strata/scene.hpp"

namespace strata::emit {

// Paints a scene image: PNG data is decoded by cairo, mapped by the image's transform and
// clipped to its clip polygon. cairo decodes nothing else and strata has no JPEG or SVG
// decoder, so other formats are left out of raster and PDF output.
void paint_image(cairo_t* context, const Image& image);

}  // namespace strata::emit
