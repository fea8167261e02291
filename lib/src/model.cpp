#include "strata/model.hpp"

namespace strata {

std::optional<std::size_t> Model::find(const std::string& layer_name) const {
    for (std::size_t i = 0; i < layers.size(); ++i) {
        if (layers[i].name == layer_name) return i;
    }
    return std::nullopt;
}

}  // namespace strata
