#pragma once

#include <optional>

#include "strata/error.hpp"
#include "strata/option_places.hpp"

namespace strata::layout {

// `error` at the place an option file or a model spec gave the option it names: the layout
// and validate() name an option by its key as the error's file ("expand", "caption",
// "captions.conv1"), and `places` (Options::option_places) knows where each came from.
// Nothing for an error that already has a place or names an option no file gave.
std::optional<Error> at_option_place(const Error& error, const OptionPlaces& places);

// Runs `lay_out`, throwing its errors at their options' places (at_option_place); others go
// on as they are.
template <typename LayOut>
auto with_option_places(const OptionPlaces& places, LayOut&& lay_out) -> decltype(lay_out()) {
    try {
        return lay_out();
    } catch (const Error& e) {
        if (std::optional<Error> placed = at_option_place(e, places)) throw *placed;
        throw;
    }
}

}  // namespace strata::layout
