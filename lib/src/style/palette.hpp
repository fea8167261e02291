#pragma once

#include <map>
#include <string>

#include "strata/color.hpp"

namespace strata::layout {

// visualkeras' default colours, handed out first come first served: the n-th class that asks
// gets palette[n mod 10] and keeps it.
class Palette {
  public:
    Rgba color_for(const std::string& layer_class);

  private:
    std::map<std::string, Rgba> assigned_;
};

}  // namespace strata::layout
