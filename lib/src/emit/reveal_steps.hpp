#pragma once

#include <vector>

#include "strata/scene.hpp"

namespace strata::emit {

// The overlay step at which each group of `scene` appears when layers are revealed one per
// step: the k-th layer (1-based, in paint order) is step k, and so is every group that belongs
// to it (its funnel, caption, face image, logo…: a group whose label ends with the layer's
// name). Groups that belong to no layer (legend, layer groups, group titles) are step 0:
// always shown. Any other group goes with the layer painted last before it.
std::vector<int> reveal_steps(const Scene& scene);

// The number of steps: the number of layer groups.
int reveal_step_count(const Scene& scene);

// The scene as it shows at `step` (1-based), given `steps` = reveal_steps(scene).
Scene frame_at_step(const Scene& scene, const std::vector<int>& steps, int step);

}  // namespace strata::emit
