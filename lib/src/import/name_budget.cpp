#include "import/name_budget.hpp"

#include "strata/error.hpp"

namespace strata {

std::string layer_names_too_long() {
    return "the layer names together are longer than " +
           std::to_string(limits::kMaxModelNameBytes >> 20) +
           " MiB (each name is copied into the drawing's ids, labels and titles)";
}

void check_layer_name_bytes(const Model& model, const std::string& source) {
    NameBudget budget;
    for (const Layer& layer : model.layers) {
        if (!budget.take(layer.name)) throw Error(source, layer_names_too_long());
    }
}

}  // namespace strata
