#pragma once

// What the emitters take besides a scene: the resolution of a raster image, the size limits of
// PNG and PDF output, the form of a TikZ picture. Emitters include this header and scene.hpp.

namespace strata {

// How a scene becomes pixels: at 96 dpi and scale 1 one scene pixel is one image pixel.
struct RasterOptions {
    double dpi = 96;
    double scale = 1;  // multiplies the dpi
};

// The largest image to_png writes: a side of at most kMaxRasterSide pixels (what common PNG
// readers accept) and at most kMaxRasterPixels pixels in all (1 GiB of 32-bit pixels).
inline constexpr int kMaxRasterSide = 32767;
inline constexpr long long kMaxRasterPixels = 1LL << 28;

// The largest page side PDF readers are required to handle (200 in).
inline constexpr double kMaxPdfPageSidePoints = 14400;

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
