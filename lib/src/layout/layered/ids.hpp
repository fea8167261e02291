#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace strata::layout {

// Hands out document-unique ids that are valid XML names, derived from layer names so they are
// stable from run to run: "block1_conv1", "block1_conv1-caption"; clashes get "-2", "-3", ...
class IdMaker {
  public:
    std::string make(const std::string& wanted);

  private:
    // Hashed: only looked up, never iterated, so the output does not depend on their order.
    std::unordered_set<std::string> used_;
    // Next number to try per base, so that many clashing names cost linear time, not quadratic.
    std::unordered_map<std::string, int> next_number_;
};

}  // namespace strata::layout
