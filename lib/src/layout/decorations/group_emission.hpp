#pragma once

// The layer groups into the scene: rectangles painted before every box, titles after the
// legend (§3.7).

#include <vector>

#include "layout/decorations/layer_groups.hpp"
#include "layout/layered/box_faces.hpp"
#include "layout/layered/ids.hpp"
#include "strata/scene.hpp"

namespace strata::layout {

// Inserts the rectangles at the front of the scene. They are made after the boxes but named
// after them, so that a layer keeps its id whether or not groups are drawn.
void prepend_group_rectangles(Scene& scene, const LayerGroups& groups,
                              const std::vector<BoxPlacement>& boxes, IdMaker& ids);

void append_group_titles(Scene& scene, const LayerGroups& groups,
                         const std::vector<BoxPlacement>& boxes, IdMaker& ids);

}  // namespace strata::layout
