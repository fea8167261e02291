#pragma once

#include <cairo.h>

#include <map>
#include <string>

#include "emit/cairo_support.hpp"
#include "strata/diagnostics.hpp"
#include "strata/scene.hpp"

namespace strata::emit {

// The decoded pictures of one output: each picture's PNG data is decoded by cairo once, the
// first time it is painted, and that one surface is painted at every placement (a PDF embeds
// it once). cairo decodes nothing else and strata has no JPEG or SVG decoder, so other
// formats are left out of raster and PDF output.
class PictureSurfaces {
  public:
    // Paints a scene image mapped by its transform and clipped to its clip polygon.
    void paint(cairo_t* context, const Image& image);

  private:
    cairo_surface_t* surface_of(const Image& image);

    std::map<const void*, CairoSurfacePtr> surfaces_;  // by the picture's bytes; lookups only
};

// Whether PictureSurfaces paints the picture: it holds PNG bytes.
bool can_paint_image(const Image& image);

// The picture pixels painting `scene` at `scale` output pixels per scene pixel costs: for every
// placement of a picture that is painted, the larger of the picture's own pixels and the
// output pixels its placement covers.
double painted_picture_pixels(const Scene& scene, double scale);

// One warning for every picture of `scene` that `output` ("PNG", "PDF") leaves out, naming
// the layer (or what else the picture belongs to) and the file: a figure never silently
// differs from its SVG.
void warn_pictures_left_out(const Scene& scene, const std::string& output, Warnings& warnings);

}  // namespace strata::emit
