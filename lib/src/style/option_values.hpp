#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "strata/choice.hpp"
#include "strata/color.hpp"
#include "strata/error.hpp"
#include "strata/options.hpp"
#include "strata/printable.hpp"

// Readers for the text form of option values, and checks of values already read (options
// built in C++). Each throws strata::Error(where, ...) saying what was expected, in the same
// words for a text and for a value.
namespace strata::option_values {

// The value named `text` among E's names.
template <typename E>
E choice(std::string_view text, const std::string& where) {
    if (auto value = choice_named<E>(text)) return *value;
    throw Error(where, "expected one of " + choices_text<E>() + ", got " + quoted_text(text));
}

// A value outside the enum (an integer cast to it) is refused like a name outside the table.
template <typename E>
void check_choice(E value, const std::string& where) {
    if (name_of(value).empty()) choice<E>(std::to_string(static_cast<long long>(value)), where);
}

void check_number(double value, const std::string& where, double lo, double hi);
void check_index(std::size_t value, const std::string& where);

double number(std::string_view text, const std::string& where, double lo, double hi);
// The text a value check quotes: the shortest that reads back as `value`.
std::string number_text(double value);
std::size_t index(std::string_view text, const std::string& where);
bool boolean(std::string_view text, const std::string& where);
Rgba color(std::string_view text, const std::string& where);
std::vector<std::string> name_list(std::string_view text);
std::vector<std::size_t> index_list(std::string_view text, const std::string& where);
DimensionCaps dimension_caps(std::string_view text, const std::string& where);
// "Conv2D=#ffb347/#8c4500,Dense=#8ecae6": class = fill [/ outline]; an empty fill keeps the
// palette colour ("Dense=/red").
std::map<std::string, LayerColors> color_map(std::string_view text, const std::string& where);

}  // namespace strata::option_values
