#pragma once

#include "strata/scene.hpp"

namespace strata::layout {

// `scene` multiplied by `factor` about its top-left corner: every coordinate, line width,
// text size and picture placement, as a TikZ picture drawn with `scale=factor` would show it.
// Outputs that draw a scene at its own size (SVG, PNG, PDF) get a fitted figure this way.
Scene scaled_scene(Scene scene, double factor);

}  // namespace strata::layout
