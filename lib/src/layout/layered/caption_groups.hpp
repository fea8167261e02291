#pragma once

// The captions of the placed boxes into the scene.

#include "layout/layered/box_groups.hpp"
#include "layout/layered/ids.hpp"
#include "strata/scene.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

// One group per box that has a caption, its lines centred in the caption's block, named after
// the box.
void emit_captions(Scene& scene, const CanvasBoxes& canvas, TextMeasurer& text, IdMaker& ids);

}  // namespace strata::layout
