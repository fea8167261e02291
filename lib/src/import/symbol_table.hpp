#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "strata/model.hpp"

namespace strata::keras {

// A tensor as one model scope sees it before nested models are flattened: either a layer
// already placed in the flattened model, or a name that is looked up in a scope (a layer, a
// nested model's output, or an input layer of a nested model that stands for the tensor fed
// to it).
struct SymbolRef {
    std::optional<TensorRef> placed;
    std::size_t scope = 0;
    std::string name;
    std::size_t tensor = 0;
    std::string place;  // where the reference is written, for messages
};

// Names defined in each model scope and what they stand for.
class SymbolTable {
  public:
    std::size_t new_scope() { return scope_count_++; }

    // Each returns false when the name is already defined in the scope.
    bool define_layer(std::size_t scope, const std::string& name, std::size_t layer_index);
    bool define_nested_model(std::size_t scope, const std::string& name);
    void set_nested_model_outputs(std::size_t scope, const std::string& name,
                                  std::vector<SymbolRef> outputs);
    bool define_alias(std::size_t scope, const std::string& name, SymbolRef target);

    // Follows nested-model outputs and aliases down to a placed layer's output. Throws
    // strata::Error for an undefined name, a missing output or a cycle of aliases.
    TensorRef resolve(const SymbolRef& ref, const std::string& file) const;

  private:
    struct LayerSymbol {
        std::size_t index;
    };
    struct NestedModelSymbol {
        std::vector<SymbolRef> outputs;
    };
    struct AliasSymbol {
        SymbolRef target;
    };
    using Symbol = std::variant<LayerSymbol, NestedModelSymbol, AliasSymbol>;

    bool define(std::size_t scope, const std::string& name, Symbol symbol);

    std::size_t scope_count_ = 0;
    std::map<std::pair<std::size_t, std::string>, Symbol> symbols_;
};

}  // namespace strata::keras
