#include "shapes/graph_order.hpp"

#include <deque>
#include <string>

#include "strata/error.hpp"
#include "strata/printable.hpp"

namespace strata::shapes {
namespace {

// Some layer on a cycle: walking back from a stuck layer through stuck producers must enter a
// cycle within `stuck.size()` steps.
std::size_t layer_on_cycle(const Model& model, const std::vector<std::size_t>& waiting) {
    std::size_t current = 0;
    while (waiting[current] == 0) ++current;
    for (std::size_t step = 0; step < model.layers.size(); ++step) {
        for (const TensorRef& ref : model.layers[current].inputs) {
            if (waiting[ref.layer] > 0) {
                current = ref.layer;
                break;
            }
        }
    }
    return current;
}

}  // namespace

std::vector<std::size_t> dependency_order(const Model& model) {
    const std::size_t count = model.layers.size();
    std::vector<std::size_t> waiting(count, 0);  // inputs not yet ordered
    std::vector<std::vector<std::size_t>> consumers(count);
    for (std::size_t index = 0; index < count; ++index) {
        for (const TensorRef& ref : model.layers[index].inputs) {
            if (ref.layer >= count) {
                throw Error(printable_text(model.name),
                            "layer " + quoted_text(model.layers[index].name) +
                                " reads from layer #" + std::to_string(ref.layer) +
                                ", which does not exist");
            }
            consumers[ref.layer].push_back(index);
            ++waiting[index];
        }
    }

    std::deque<std::size_t> ready;
    for (std::size_t index = 0; index < count; ++index) {
        if (waiting[index] == 0) ready.push_back(index);
    }
    std::vector<std::size_t> order;
    order.reserve(count);
    while (!ready.empty()) {
        const std::size_t index = ready.front();
        ready.pop_front();
        order.push_back(index);
        for (std::size_t consumer : consumers[index]) {
            if (--waiting[consumer] == 0) ready.push_back(consumer);
        }
    }
    if (order.size() != count) {
        const std::size_t looped = layer_on_cycle(model, waiting);
        throw Error(printable_text(model.name), "the layers form a cycle through layer " +
                                                    quoted_text(model.layers[looped].name));
    }
    return order;
}

}  // namespace strata::shapes
