#pragma once

#include "layout/decorations/image_store.hpp"
#include "layout/layered/ids.hpp"
#include "strata/options.hpp"
#include "strata/scene.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

// §7.3: below everything already in `scene`, one patch per logo group that has a name and a
// picture that loads: the logo fitted into a square twice the text height, then its name.
// Patches flow into rows as wide as the picture (as the layer legend's do) and the canvas
// grows to hold them. Does nothing unless `options.logos_legend` is set.
void append_logos_legend(Scene& scene, const Options& options, TextMeasurer& text,
                         ImageStore& images, IdMaker& ids);

}  // namespace strata::layout
