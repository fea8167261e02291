#pragma once

#include <vector>

#include "layout/layered/ids.hpp"
#include "layout/lenet/connections.hpp"
#include "layout/lenet/feature_stacks.hpp"
#include "layout/lenet/skip_arcs.hpp"
#include "layout/lenet/stack_labels.hpp"
#include "strata/scene.hpp"
#include "strata/text_measurer.hpp"

namespace strata::layout {

// The scene's groups, in visualkeras' paint order: every stack (one group per layer, its maps
// back to front, each darker by shade_step), then the connections over the faces (the chain's,
// then the arcs of branches), then the labels.
struct LenetColors {
    Rgba connector, patch_fill, patch_outline;
    double connector_width = 1;
    bool draw_patches = true;
    // The width of the arcs of a branching model: connector_width, as the text, at its own
    // size in a figure fitted to a width (drawn smaller, they would vanish in print).
    double arc_width = 1;
};
std::vector<Group> lenet_groups(const Model& model, const std::vector<FeatureStack>& stacks,
                                const std::vector<Connection>& links,
                                const std::vector<SkipArc>& arcs,
                                const std::vector<StackLabels>& labels, const LenetColors& colors,
                                TextMeasurer& text);

}  // namespace strata::layout
