#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "strata/diagnostics.hpp"
#include "strata/import_options.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"

namespace strata {

// Reads a model file (the format is recognised from its content) and computes the output
// shape of every layer. Throws strata::Error naming the file and place on bad input.
Model load_model(const std::string& path, Warnings& warnings);
Model load_model(const std::string& path, Warnings& warnings, const ImportOptions& import);

// The same from bytes already in memory; `source_name` is used in messages.
Model parse_model(std::string_view bytes, const std::string& source_name, Warnings& warnings);
Model parse_model(std::string_view bytes, const std::string& source_name, Warnings& warnings,
                  const ImportOptions& import);

// Lays out the layered view with the system's fonts (fontconfig, FreeType, HarfBuzz).
Scene layout_layered(const Model& model, const Options& options, Warnings& warnings);

// Writes a scene as an editable SVG document (one group per layer, Inkscape layers).
std::string to_svg(const Scene& scene);

// How a scene becomes pixels: at 96 dpi and scale 1 one scene pixel is one image pixel.
struct RasterOptions {
    double dpi = 96;
    double scale = 1;  // multiplies the dpi
};

// The largest image to_png writes: a side of at most kMaxRasterSide pixels (what common PNG
// readers accept) and at most kMaxRasterPixels pixels in all (1 GiB of 32-bit pixels).
inline constexpr int kMaxRasterSide = 32767;
inline constexpr long long kMaxRasterPixels = 1LL << 28;

// Draws a scene into a PNG image (antialiased, 8-bit RGBA, transparent where the background
// is) and returns the file's bytes. Throws strata::Error for a non-positive or non-finite
// dpi or scale, or an image larger than the limits above.
std::string to_png(const Scene& scene, const RasterOptions& options = {});
// The same, with a warning for every picture the image leaves out (only PNG pictures are
// drawn).
std::string to_png(const Scene& scene, const RasterOptions& options, Warnings& warnings);

// The resolution to draw `scene` at: `requested` when its image fits the limits above,
// otherwise the same request scaled down to the largest image that fits, with a warning.
// Throws strata::Error for a non-positive or non-finite dpi or scale.
RasterOptions fit_raster(const Scene& scene, const RasterOptions& requested, Warnings& warnings);

// The largest page side PDF readers are required to handle (200 in).
inline constexpr double kMaxPdfPageSidePoints = 14400;

// Writes a scene as a one-page vector PDF sized to the figure (1 px = 0.75 pt), with the
// caption text selectable, its fonts embedded as subsets and the scene's title as metadata.
// A figure with a side longer than kMaxPdfPageSidePoints is scaled down to fit, with a
// warning. The same scene always gives the same bytes.
std::string to_pdf(const Scene& scene, Warnings& warnings);
std::string to_pdf(const Scene& scene);  // the same, without the warning

// How a scene becomes a TikZ picture (see to_tikz).
struct TikzOptions {
    // Multiplies every coordinate, text size and line width (1 px = 0.75 bp), but a line is
    // never made thinner than 0.3 bp by it.
    double scale = 1;
    // A whole document (class `standalone`) that pdflatex, lualatex and xelatex compile.
    bool standalone = false;
    // Layer k, with its funnel, caption and pictures, appears at beamer overlay step k.
    bool reveal = false;
};

// Writes a scene as a `tikzpicture` using TikZ core only: coordinates in bp (1 px = 0.75 bp
// times `scale`), colours defined once, faces as \fill/\draw paths, text as nodes at the
// measured baseline set in the document's font at the measured size, images with
// \includegraphics. All text is escaped so that nothing in it is executed. The coordinate
// unit is the macro \strataunit (1bp unless defined before). Images that TikZ cannot show
// (SVG pictures, file names TeX cannot take) are left out with a warning. Throws
// strata::Error when the picture exceeds TeX's largest dimension.
std::string to_tikz(const Scene& scene, const TikzOptions& options, Warnings& warnings);

// The scene as the layers appear one per step: element k (0-based) shows layers 1..k+1 with
// their funnels, captions and pictures, plus whatever belongs to no layer (legend, groups).
std::vector<Scene> reveal_frames(const Scene& scene);

// Writes reveal_frames(scene) as SVG files step-01.svg, step-02.svg … into `folder` (made if
// missing), one frame in memory at a time. All or nothing: the frames go to a hidden staging
// folder inside `folder` and are moved into place only when every one is written; a failure
// removes the staging folder and any folder this call made, leaving the file system as it was.
// Throws strata::Error naming the folder or file.
void write_reveal_frames(const Scene& scene, const std::string& folder);

// The options for text that LaTeX will set: captions in Latin Modern Roman (Sans when `sans`)
// at the optical size LaTeX picks for `font_pt` TeX points, at that size (as pixels). Applied
// before the preset, option file and flags, so any font they name wins.
Options latex_text_options(Options options, double font_pt, bool sans = false);

// Group titles that use a Latin Modern caption font (from latex_text_options) get the optical
// size LaTeX loads for their own size. Call it once the option file and flags are applied.
Options latex_title_fonts(Options options);

// Lays the model out so that the picture, scaled by `scale`, is `width_px` wide while its text
// keeps the sizes in `options` (text sizes are divided by the scale before layout, repeatedly
// until the width is met). Returns the scene; `scale` receives the factor for to_tikz.
// Adds a warning when text alone is wider than the width.
Scene layout_to_width(const Model& model, const Options& options, double width_px, double& scale,
                      Warnings& warnings);

// Lays out a figure LaTeX will set. Without `options.width` this is layout_layered with scale 1.
// With it, the layout first fits the figure to the width as for any output (collapsing
// repeats, wrapping rows, shrinking boxes, text at its own size); then the geometry, never the
// text, is scaled so that the picture is exactly that wide: up when the layout left it
// narrower, down (layout_to_width) when text kept it wider. `scale` receives the factor.
Scene layout_for_latex(const Model& model, const Options& options, double& scale,
                       Warnings& warnings);

// Writes a scene as JSON: canvas, then each group's id, role, name, type, box and colours.
std::string to_scene_json(const Scene& scene);

// Each layer's name, type, inputs and output shapes as JSON (what `strata info --json` prints).
std::string to_info_json(const Model& model);

// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
// failed write never leaves a half-written file. Throws strata::Error.
void write_file_atomically(const std::string& path, std::string_view bytes);

// For programs: makes SIGINT, SIGTERM and SIGHUP first remove the temporary files of writes
// in progress (write_file_atomically, write_reveal_frames), then end the process as the signal
// would have; and makes a write past the file-size limit (ulimit -f) fail with an error
// instead of SIGXFSZ killing the process. Replaces the handlers of those signals (a signal
// that is ignored stays ignored).
void remove_partial_outputs_on_signals();

// Throws strata::Error unless `path` can be written as an output: its folder exists and is
// writable, and it is not a symbolic link, a directory, a read-only file or one of `inputs`.
void check_output_path(const std::string& path, const std::vector<std::string>& inputs);

}  // namespace strata
