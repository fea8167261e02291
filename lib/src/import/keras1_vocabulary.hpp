#pragma once

#include <string>

#include "strata/model.hpp"

namespace strata::keras {

// The Keras 2 class name for a Keras 1 one (Convolution2D -> Conv2D, Merge -> Add,
// Concatenate ... by its `mode`); other names are returned unchanged.
std::string keras2_class_name(const std::string& class_name, const Attrs& attrs);

// Renames Keras 1 configuration keys of a layer of (Keras 2) type `type` to their Keras 2
// names (nb_filter -> filters, nb_row/nb_col -> kernel_size, border_mode -> padding,
// dim_ordering th/tf -> data_format ...), also inside a wrapped "layer.". A key whose Keras 2
// name is already present is dropped. Returns true when anything was renamed.
bool normalise_keras1_attrs(const std::string& type, Attrs& attrs);

}  // namespace strata::keras
