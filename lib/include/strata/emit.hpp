#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "strata/diagnostics.hpp"
#include "strata/emit_options.hpp"
#include "strata/scene.hpp"

// Scene → bytes. Every emitter translates a finished scene and nothing more: it neither
// measures text nor moves anything.

namespace strata {

// Writes a scene as an editable SVG document (one group per layer, Inkscape layers). A layer's
// faces inherit its group's fill and the top and side are shaded by black or white overlays
// (NAME-top-shade, NAME-side-shade) that match the scene's face colours closely, unless
// `options` asks for the exact face colours.
std::string to_svg(const Scene& scene, const SvgOptions& options = {});

// Draws a scene into a PNG image (antialiased, 8-bit RGBA, transparent where the background
// is) and returns the file's bytes. Throws strata::Error for a non-positive or non-finite
// dpi or scale, or an image larger than limits::kMaxRasterSide / kMaxRasterPixels.
std::string to_png(const Scene& scene, const RasterOptions& options = {});
// The same, with a warning for every picture the image leaves out (only PNG pictures are
// drawn).
std::string to_png(const Scene& scene, const RasterOptions& options, Warnings& warnings);

// An image as pixels: `width` × `height`, rows top to bottom, 4 bytes per pixel in the order
// red, green, blue, alpha, not premultiplied (what Pillow's "RGBA" mode holds). The buffer is
// never filled with zeros first: a large image's pages are touched once, by the drawing.
struct RgbaImage {
    int width = 0;
    int height = 0;
    std::unique_ptr<unsigned char[]> pixels;
    std::size_t byte_count() const { return static_cast<std::size_t>(width) * height * 4; }
};

// Draws a scene into pixels, exactly the image to_png encodes, for a program that wants the
// image rather than a file (the Python package's PIL image). Unlike a PNG, it may be wider or
// taller than limits::kMaxRasterSide (it is drawn in columns a cairo surface can hold, a side
// of up to 4 194 304 px); its pixel count is bounded by limits::kMaxRasterPixels. Throws
// strata::Error as to_png does for a bad dpi or scale or an image beyond those limits.
RgbaImage to_rgba(const Scene& scene, const RasterOptions& options, Warnings& warnings);

// The resolution to draw `scene` at: `requested` when its image fits the limits, otherwise the
// same request scaled down to the largest image that fits, with a warning. Throws
// strata::Error for a non-positive or non-finite dpi or scale.
RasterOptions fit_raster(const Scene& scene, const RasterOptions& requested, Warnings& warnings);

// Writes a scene as a one-page vector PDF sized to the figure (1 px = 0.75 pt), with the
// caption text selectable, its fonts embedded as subsets and the scene's title as metadata.
// A figure with a side longer than limits::kMaxPdfPageSidePoints is scaled down to fit, with a
// warning. The same scene always gives the same bytes.
std::string to_pdf(const Scene& scene, Warnings& warnings);
std::string to_pdf(const Scene& scene);  // the same, without the warning

// Writes a scene as a `tikzpicture` using TikZ core only: coordinates in bp (1 px = 0.75 bp
// times `scale`), colours defined once, faces as \fill/\draw paths, text as nodes anchored at
// the point the scene names, set in the document's font at the measured size, images with
// \includegraphics. All text is escaped so that nothing in it is executed. The coordinate
// unit is the macro \strataunit (1bp unless defined before). Images that TikZ cannot show
// (SVG pictures, file names TeX cannot take) are left out with a warning. Throws
// strata::Error when the picture exceeds TeX's largest dimension.
std::string to_tikz(const Scene& scene, const TikzOptions& options, Warnings& warnings);

// The scene as the layers appear one per step: element k (0-based) shows layers 1..k+1 with
// their funnels, captions and pictures, plus whatever belongs to no layer (legend, groups).
std::vector<Scene> reveal_frames(const Scene& scene);

// Writes a scene as JSON: canvas, then each group's id, role, name, type, box and colours.
std::string to_scene_json(const Scene& scene);

}  // namespace strata
