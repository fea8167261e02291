#pragma once

#include "strata/diagnostics.hpp"
#include "strata/layout_context.hpp"
#include "strata/model.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"

namespace strata {

// Every layout call comes in two forms: one that measures text and gets pictures through a
// LayoutContext (the layout itself opens no file and looks up no font), and one without it
// that uses the system's fonts (fontconfig, FreeType, HarfBuzz) and pictures from disk.

// Lays out the layered view. With `options.width` the figure is fitted to that width: repeats
// collapsed, rows wrapped, boxes shrunk, text always at its own size. The fitting is the one
// every output gets (layout_for_latex too): when every box size that fits leaves a stub row, a
// little more width may give fair rows, and the figure is then scaled down to the width.
// With `options.height` the figure is also kept no taller: row wrapping and box sizes (and at
// level auto the level) are chosen to fit both; when none does, the whole figure, text
// included, is scaled down to the height, with a warning that names its smallest text.
Scene layout_layered(const Model& model, const Options& options, const LayoutContext& context,
                     Warnings& warnings);
Scene layout_layered(const Model& model, const Options& options, Warnings& warnings);

// A scene whose geometry is meant to be drawn multiplied by `scale` (TikzOptions::scale) while
// its text keeps the sizes the options give: the text sizes in `scene` are already divided by
// `scale`, except for the share of it that keeps a figure to `options.height` when nothing
// else does, which makes the text smaller too (with a warning).
struct FittedScene {
    Scene scene;
    double scale = 1;
};

// Lays the model out so that the picture, scaled by the returned scale, is `width_px` wide
// while its text keeps the sizes in `options` (text sizes are divided by the scale before
// layout, repeatedly until the width is met). Adds a warning when text alone is wider than the
// width. Throws strata::Error unless `width_px` is positive and finite.
FittedScene layout_to_width(const Model& model, const Options& options, double width_px,
                            const LayoutContext& context, Warnings& warnings);
FittedScene layout_to_width(const Model& model, const Options& options, double width_px,
                            Warnings& warnings);

// The document a LaTeX figure is set in: the font size of its text and which Latin Modern it
// uses.
struct LatexDocument {
    double font_pt = 10;  // TeX points, 1 to 1000
    bool sans = false;    // Latin Modern Sans instead of Roman
};

// The defaults of a figure LaTeX sets: `base` with captions in the Latin Modern of `document`,
// at the optical size LaTeX loads for its font size, and at that size (as pixels). This is an
// options layer like a preset, the lowest one: apply the preset, option file and flags on top,
// so that any font they name wins. Throws strata::Error for a font size outside 1 to 1000 pt.
Options latex_defaults(Options base, const LatexDocument& document);

// Which text settings of a LaTeX figure the user chose for that figure on purpose (the flags
// --font and --font-size, the package's `font` and `font-size` keys): the document does not
// override them, and the document must then use that font.
struct ChosenText {
    bool font = false;
    bool font_size = false;
};

// The options a figure LaTeX sets is laid out with. LaTeX sets its text in the document's font
// at the document's size, so a font or size from anywhere else would measure the labels in
// another font than the one they are set in: unless `chosen` says otherwise, `options` gets the
// font and size of latex_defaults(document). `inherited` holds the options a font may come from
// silently (the defaults and a preset, made knowing the document governs); a font or size that
// differs from it came from an option file or a model spec, and a warning about `source` says it
// is not used. Throws strata::Error like latex_defaults.
Options with_document_text(Options options, const LatexDocument& document, ChosenText chosen,
                           const Options& inherited, const std::string& source, Warnings& warnings);

// Lays out a figure LaTeX will set, with the options in force. Group titles in a Latin Modern
// caption font get the optical size LaTeX loads for their own size. Without `options.width`
// this is layout_layered with scale 1. With it, the figure has the layout layout_layered gives
// (the same rows, boxes and warnings) drawn at a scale that keeps its text at its own size:
// the geometry is grown to the width when the layout left it narrower (only as far as keeps it
// no taller than 0.6 of the width, as the fitting keeps every figure that can be), scaled down
// to it when fair rows were laid out a little wider, and left as it is (scale 1, with the
// fitting's warning) when text keeps it wider than the width. With `options.height`, the
// growth stops at it too, and a figure still taller is scaled down as layout_layered's is.
FittedScene layout_for_latex(const Model& model, const Options& options,
                             const LayoutContext& context, Warnings& warnings);
FittedScene layout_for_latex(const Model& model, const Options& options, Warnings& warnings);

}  // namespace strata
