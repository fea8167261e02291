#include "layout/fitting/placed_option_errors.hpp"

namespace strata::layout {

std::optional<Error> at_option_place(const Error& error, const OptionPlaces& places) {
    if (error.line() > 0) return std::nullopt;
    const OptionPlace* place = places.find(error.file());
    if (place == nullptr) return std::nullopt;
    return Error(place->file, place->line, place->column, place->option + ": " + error.message());
}

}  // namespace strata::layout
