#include "import/graph_check.hpp"

#include "strata/error.hpp"
#include "strata/printable.hpp"

namespace strata::keras {

void check_acyclic(const Model& model, const std::vector<std::string>& layer_places,
                   const std::string& file) {
    // Kahn's algorithm, iterative so that a 10^6-layer chain needs no deep stack.
    const std::size_t count = model.layers.size();
    std::vector<std::size_t> pending_inputs(count, 0);
    std::vector<std::vector<std::size_t>> consumers(count);
    for (std::size_t i = 0; i < count; ++i) {
        for (const TensorRef& input : model.layers[i].inputs) {
            if (input.layer >= count) {
                throw Error(file, layer_places[i] + ": refers to a layer that does not exist");
            }
            ++pending_inputs[i];
            consumers[input.layer].push_back(i);
        }
    }
    std::vector<std::size_t> ready;
    for (std::size_t i = 0; i < count; ++i) {
        if (pending_inputs[i] == 0) ready.push_back(i);
    }
    std::size_t done = 0;
    while (!ready.empty()) {
        const std::size_t layer = ready.back();
        ready.pop_back();
        ++done;
        for (std::size_t consumer : consumers[layer]) {
            if (--pending_inputs[consumer] == 0) ready.push_back(consumer);
        }
    }
    if (done == count) return;
    // Walk back through unfinished inputs from an unfinished layer: the first layer seen twice
    // lies on a cycle (the others may only depend on one).
    std::vector<bool> seen(count, false);
    std::size_t layer = 0;
    while (pending_inputs[layer] == 0) ++layer;
    while (!seen[layer]) {
        seen[layer] = true;
        for (const TensorRef& input : model.layers[layer].inputs) {
            if (pending_inputs[input.layer] > 0) {
                layer = input.layer;
                break;
            }
        }
    }
    throw Error(file, layer_places[layer] + ": layer " + quoted_text(model.layers[layer].name) +
                          " depends on its own output (the layers form a cycle)");
}

}  // namespace strata::keras
