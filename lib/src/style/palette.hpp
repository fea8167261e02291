#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "strata/color.hpp"
#include "strata/model.hpp"

namespace strata::layout {

// The fill of a layer class that no option colours.
//
// By default a class has one colour in every figure, whatever else the model holds, so that
// the figures of one paper agree: the well-known classes (and their ONNX op types) by family
// from a fixed table, any other class by a stable hash of its name. The colours are Paul Tol's
// "light" scheme: distinguishable with colour-vision deficiencies, light enough for black text
// and outlines, and apart in greyscale print. Classes of one family share a colour; when
// several of them meet in one model, all but the one with the most layers (then the first by
// name) take darker or lighter shades of it, so that the legend tells them apart, whatever
// order the classes come in.
//
// With `compat_visualkeras`, visualkeras' colours handed out first come first served: the n-th
// class that asks gets its palette[n mod 10] and keeps it.
class Palette {
  public:
    explicit Palette(bool compat_visualkeras) : compat_(compat_visualkeras) {}
    // With the shades of the classes of `model` that share a colour given out beforehand.
    Palette(bool compat_visualkeras, const Model& model);
    Rgba color_for(const std::string& layer_class);

  private:
    static std::uint32_t key_of(Rgba c) {
        return (std::uint32_t{c.r} << 24) | (std::uint32_t{c.g} << 16) | (std::uint32_t{c.b} << 8) |
               c.a;
    }

    bool compat_;
    std::map<std::string, Rgba> assigned_;
    std::set<std::uint32_t> used_;  // the colours given so far
};

// The stable colour of a class (the default mode above), for tests and documentation.
Rgba stable_class_color(const std::string& layer_class);

}  // namespace strata::layout
