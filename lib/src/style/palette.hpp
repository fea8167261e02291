#pragma once

#include <map>
#include <string>

#include "strata/color.hpp"

namespace strata::layout {

// The fill of a layer class that no option colours.
//
// By default a class has one colour in every figure, whatever else the model holds, so that
// the figures of one paper agree: the well-known classes (and their ONNX op types) by family
// from a fixed table, any other class by a stable hash of its name. The colours are Paul Tol's
// "light" scheme: distinguishable with colour-vision deficiencies, light enough for black text
// and outlines, and apart in greyscale print.
//
// With `compat_visualkeras`, visualkeras' colours handed out first come first served: the n-th
// class that asks gets its palette[n mod 10] and keeps it.
class Palette {
  public:
    explicit Palette(bool compat_visualkeras) : compat_(compat_visualkeras) {}
    Rgba color_for(const std::string& layer_class);

  private:
    bool compat_;
    std::map<std::string, Rgba> assigned_;
};

// The stable colour of a class (the default mode above), for tests and documentation.
Rgba stable_class_color(const std::string& layer_class);

}  // namespace strata::layout
