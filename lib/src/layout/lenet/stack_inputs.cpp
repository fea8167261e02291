#include "layout/lenet/stack_inputs.hpp"

#include <algorithm>
#include <optional>

namespace strata::layout {

std::vector<std::vector<std::size_t>> stack_inputs(const Model& model,
                                                   const std::vector<FeatureStack>& stacks) {
    std::vector<std::optional<std::size_t>> stack_of(model.layers.size());
    for (std::size_t i = 0; i < stacks.size(); ++i) stack_of[stacks[i].layer] = i;
    std::vector<std::vector<std::size_t>> inputs(stacks.size());
    // Marks stamped with the stack being traced, so that no stack clears them for the next:
    // a stack costs the layers it climbs through, not the model's size.
    std::vector<std::size_t> seen(model.layers.size(), stacks.size());
    std::vector<std::size_t> listed(stacks.size(), stacks.size());
    std::vector<std::size_t> pending;
    for (std::size_t i = 0; i < stacks.size(); ++i) {
        // Up through layers not drawn, each visited once (a model is a graph, not a tree).
        pending.clear();
        for (const TensorRef& in : model.layers[stacks[i].layer].inputs)
            pending.push_back(in.layer);
        std::reverse(pending.begin(), pending.end());
        while (!pending.empty()) {
            const std::size_t layer = pending.back();
            pending.pop_back();
            if (layer >= model.layers.size() || seen[layer] == i) continue;
            seen[layer] = i;
            if (stack_of[layer]) {
                if (listed[*stack_of[layer]] != i) {
                    listed[*stack_of[layer]] = i;
                    inputs[i].push_back(*stack_of[layer]);
                }
                continue;
            }
            const auto& above = model.layers[layer].inputs;
            for (auto it = above.rbegin(); it != above.rend(); ++it) pending.push_back(it->layer);
        }
    }
    return inputs;
}

}  // namespace strata::layout
