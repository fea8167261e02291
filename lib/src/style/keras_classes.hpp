#pragma once

#include <string>
#include <vector>

namespace strata::layout {

// The class and its Keras base classes, most derived first, ending with "Layer":
// Conv2DTranspose → {Conv2DTranspose, Conv2D, Conv, Layer}. Lets `styles` be keyed by a base
// class (a style for "Conv" applies to every convolution).
std::vector<std::string> class_chain(const std::string& layer_class);

}  // namespace strata::layout
