#pragma once

#include <string>
#include <utility>
#include <vector>

namespace strata {

// A non-fatal problem: drawing goes on, the user is told. `where` names the file concerned (or
// the option, for a problem of one option); the layer, if any, is named in the message. A part
// that does not know the file (shape inference, the layout, the emitters) leaves `where`
// empty and its caller names the file, as it does for a strata::Error.
struct Warning {
    Warning() = default;
    Warning(std::string where_, std::string message_, std::string layer_ = {})
        : where(std::move(where_)), message(std::move(message_)), layer(std::move(layer_)) {}

    std::string where;
    std::string message;
    std::string layer;  // the layer concerned, for programs; empty when none
};

using Warnings = std::vector<Warning>;

}  // namespace strata
