#include "layout/decorations/placed_font_errors.hpp"

#include <exception>

#include "strata/error.hpp"

namespace strata::layout {

TextMetrics PlacedFontErrors::measure(std::string_view text, const FontSpec& font) {
    try {
        return inner_.measure(text, font);
    } catch (const Error&) {
        rethrow_placed(font);
    }
}

ResolvedFont PlacedFontErrors::resolve(const FontSpec& font) {
    try {
        return inner_.resolve(font);
    } catch (const Error&) {
        rethrow_placed(font);
    }
}

std::vector<Glyph> PlacedFontErrors::shape(std::string_view text, const FontSpec& font) {
    try {
        return inner_.shape(text, font);
    } catch (const Error&) {
        rethrow_placed(font);
    }
}

FontData PlacedFontErrors::font_data(const FontSpec& font) {
    try {
        return inner_.font_data(font);
    } catch (const Error&) {
        rethrow_placed(font);
    }
}

// Called inside a handler: an error that already has a place, or a font no file gave (a flag,
// a default), goes on as it is.
void PlacedFontErrors::rethrow_placed(const FontSpec& font) const {
    try {
        throw;
    } catch (const Error& e) {
        const OptionPlace* place = places_.find(font.name);
        if (!place || e.line() > 0 || !e.file().empty()) throw;
        throw Error(place->file, place->line, place->column, place->option + ": " + e.message());
    }
}

}  // namespace strata::layout
