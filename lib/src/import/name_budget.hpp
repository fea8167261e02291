#pragma once

#include <cstddef>
#include <string>

#include "strata/limits.hpp"
#include "strata/model.hpp"

namespace strata {

// Counts the bytes of a model's layer names as an importer adds layers, against
// limits::kMaxModelNameBytes: a drawing copies every name into ids, labels, titles and data
// attributes, so long names on many layers would multiply the input many times over.
class NameBudget {
  public:
    // Counts `name`; false once the names counted together are over the limit.
    bool take(const std::string& name) {
        used_ += name.size();
        return used_ <= limits::kMaxModelNameBytes;
    }

  private:
    std::size_t used_ = 0;
};

// "the layer names together are longer than 4 MiB", the message for a model past the limit.
std::string layer_names_too_long();

// Throws strata::Error naming `source` when the layer names of `model` (as they will be
// drawn, after any repair of their text) hold more than limits::kMaxModelNameBytes together.
void check_layer_name_bytes(const Model& model, const std::string& source);

}  // namespace strata
