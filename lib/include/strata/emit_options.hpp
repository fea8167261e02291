#pragma once

// What the emitters take besides a scene: the resolution of a raster image, the size limits of
// PNG and PDF output (strata/limits.hpp), the form of a TikZ picture. Emitters include this
// header and scene.hpp.

#include "strata/limits.hpp"

namespace strata {

// How a scene becomes pixels: at 96 dpi and scale 1 one scene pixel is one image pixel.
struct RasterOptions {
    double dpi = 96;
    double scale = 1;  // multiplies the dpi
};

// How a scene becomes an SVG document (see to_svg).
struct SvgOptions {
    // Every face of a box carries its own colour, exactly the scene's (visualkeras' colours,
    // --compat-visualkeras). Otherwise a layer's faces inherit the fill of its group, so that
    // setting that one fill recolours the box, and the top and side are shaded by
    // semi-transparent overlays.
    bool exact_face_colors = false;
};

// How a scene becomes a TikZ picture (see to_tikz).
struct TikzOptions {
    // Multiplies every coordinate, text size and line width (1 px = 0.75 bp), but a line is
    // never made thinner than 0.3 bp by it. A figure fitted to a width gives it
    // (FittedScene::scale).
    double scale = 1;
    // A whole document (class `standalone`) that pdflatex, lualatex and xelatex compile.
    bool standalone = false;
    // Layer k, with its funnel, caption and pictures, appears at beamer overlay step k.
    bool reveal = false;
};

}  // namespace strata
