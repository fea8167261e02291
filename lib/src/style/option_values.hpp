#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "strata/color.hpp"
#include "strata/options.hpp"

// Readers for the text form of option values. Each throws strata::Error(where, ...) saying
// what was expected.
namespace strata::option_values {

double number(std::string_view text, const std::string& where, double lo, double hi);
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
