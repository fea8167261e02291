#include "import/symbol_table.hpp"

#include "strata/error.hpp"
#include "strata/printable.hpp"

namespace strata::keras {

bool SymbolTable::define(std::size_t scope, const std::string& name, Symbol symbol) {
    return symbols_.emplace(std::make_pair(scope, name), std::move(symbol)).second;
}

bool SymbolTable::define_layer(std::size_t scope, const std::string& name,
                               std::size_t layer_index) {
    return define(scope, name, LayerSymbol{layer_index});
}

bool SymbolTable::define_nested_model(std::size_t scope, const std::string& name) {
    return define(scope, name, NestedModelSymbol{});
}

void SymbolTable::set_nested_model_outputs(std::size_t scope, const std::string& name,
                                           std::vector<SymbolRef> outputs) {
    auto it = symbols_.find({scope, name});
    if (it == symbols_.end()) return;
    if (auto* nested = std::get_if<NestedModelSymbol>(&it->second)) {
        nested->outputs = std::move(outputs);
    }
}

bool SymbolTable::define_alias(std::size_t scope, const std::string& name, SymbolRef target) {
    return define(scope, name, AliasSymbol{std::move(target)});
}

TensorRef SymbolTable::resolve(const SymbolRef& ref, const std::string& file) const {
    const SymbolRef* current = &ref;
    // Every hop visits a different symbol unless the aliases form a cycle.
    for (std::size_t hops = 0; hops <= symbols_.size(); ++hops) {
        if (current->placed) return *current->placed;
        const auto it = symbols_.find({current->scope, current->name});
        if (it == symbols_.end()) {
            throw Error(file, current->place + ": layer " + quoted_text(current->name) +
                                  " is referenced but never defined");
        }
        if (const auto* layer = std::get_if<LayerSymbol>(&it->second)) {
            return TensorRef{layer->index, current->tensor};
        }
        if (const auto* nested = std::get_if<NestedModelSymbol>(&it->second)) {
            if (current->tensor >= nested->outputs.size()) {
                throw Error(file, current->place + ": nested model " + quoted_text(current->name) +
                                      " has " + std::to_string(nested->outputs.size()) +
                                      " output(s); output " + std::to_string(current->tensor) +
                                      " does not exist");
            }
            current = &nested->outputs[current->tensor];
        } else {
            current = &std::get<AliasSymbol>(it->second).target;
        }
    }
    throw Error(file, ref.place + ": the reference to " + quoted_text(ref.name) +
                          " leads back to itself (a nested model fed by its own output)");
}

}  // namespace strata::keras
