#include "import/connection_limit.hpp"

#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "strata/printable.hpp"

namespace strata {

void check_connection_count(const Model& model, const std::string& source_name) {
    std::size_t connections = 0;
    for (const Layer& layer : model.layers) {
        connections += layer.inputs.size();
        if (connections <= limits::kMaxConnections) continue;
        throw Error(source_name, layer.line, layer.column,
                    "more than " + std::to_string(limits::kMaxConnections) +
                        " connections between layers: the " + std::to_string(layer.inputs.size()) +
                        " inputs of layer " + quoted_text(layer.name) + " (" +
                        printable_text(layer.type) + ") bring them to " +
                        std::to_string(connections));
    }
}

}  // namespace strata
