#pragma once

// The placed boxes into the scene, in paint order: the classic chain with its funnels, or a
// branching model with its ghosts, links, glyphs and overlays; each box followed by its logos
// and face image.

#include <vector>

#include "layout/decorations/face_pictures.hpp"
#include "layout/layered/box_groups.hpp"
#include "layout/layered/branching_layout.hpp"
#include "layout/layered/ids.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

// The classic chain: boxes joined by funnels (reversed: back edges first, then from the right).
void emit_chain(Scene& scene, const CanvasBoxes& canvas, FacePictures& pictures, IdMaker& ids);

// A branching model: `ghosts` (layout coordinates) behind everything, each box or glyph after
// the funnel or link from the box before it in its row or lane, then `overlays` (layout
// coordinates) over everything. Both are moved onto the canvas.
void emit_branching(Scene& scene, const CanvasBoxes& canvas, const BranchingLayout& placed,
                    std::vector<Group> ghosts, std::vector<Group> overlays, FacePictures& pictures,
                    IdMaker& ids);

}  // namespace strata::layout
