#pragma once

#include <cairo.h>

#include <string>

#include "strata/diagnostics.hpp"
#include "strata/scene.hpp"

namespace strata::emit {

// Paints a scene image: PNG data is decoded by cairo, mapped by the image's transform and
// clipped to its clip polygon. cairo decodes nothing else and strata has no JPEG or SVG
// decoder, so other formats are left out of raster and PDF output.
void paint_image(cairo_t* context, const Image& image);

// Whether paint_image draws the picture: it holds PNG bytes.
bool can_paint_image(const Image& image);

// One warning for every picture of `scene` that `output` ("PNG", "PDF") leaves out, naming
// the layer (or what else the picture belongs to) and the file: a figure never silently
// differs from its SVG.
void warn_pictures_left_out(const Scene& scene, const std::string& output, Warnings& warnings);

}  // namespace strata::emit
