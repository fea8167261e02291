#pragma once

// How much of a figure's height only text takes.

#include "strata/scene.hpp"

namespace strata::layout {

// The height of the horizontal strips of `scene` that hold text and nothing else (captions and
// ×N labels under a row): the figure's height but for them is what its boxes and lines take.
// The fitting keeps that, not the lines of text, to its share of the width: a box made smaller
// leaves the text as it is, so captions and labels add lines under the rows instead of
// shrinking the boxes. Near-linear in the scene's items.
double text_only_height(const Scene& scene);

}  // namespace strata::layout
